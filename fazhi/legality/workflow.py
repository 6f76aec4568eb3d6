"""The steps of a legality review request (start the review, record the opinions, return,
withdraw, record their adoption) and of a filing (record the review result); fazhi.core.workflow
makes their pages, the record pages' panels and the API actions. The API keeps its earlier
action names (start-review, issue-opinion)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from fazhi.core.workflow import Step, Workflow, dated
from fazhi.legality import forms, selectors, services
from fazhi.legality.models import Filing, ReviewRequest

CHANGE = "legality.change_reviewrequest"


def is_open(s) -> bool:
    return s.record.is_open


def _opinion_done(review) -> str:
    if review.letter_number:
        return _("Opinion letter %(number)s issued.") % {"number": review.letter_number}
    return _("The signed opinion is recorded.")


REVIEW = Workflow(
    model=ReviewRequest,
    record_arg="request",
    get_for_user=selectors.get_request_for_user,
    url_name="legality:request_step",
    list_url_name="legality:request_list",
    list_title=gettext_lazy("Legality review"),
    steps=[
        Step(
            "start",
            gettext_lazy("Start the review"),
            forms.StartReviewForm,
            services.request_start_review,
            CHANGE,
            when=lambda s: s.record.status == ReviewRequest.Status.RECEIVED,
            done=gettext_lazy("The review has started."),
            api_name="start-review",
        ),
        Step(
            "opinion",
            gettext_lazy("Record the opinion"),
            forms.OpinionForm,
            services.request_issue_opinion,
            CHANGE,
            when=is_open,
            done=_opinion_done,
            button=gettext_lazy("Conclude the review"),
            inline=False,
            closed=gettext_lazy("This request is no longer open."),
            api_name="issue-opinion",
        ),
        Step(
            "return",
            gettext_lazy("Return for supplement"),
            dated(gettext_lazy("Returned on")),
            services.request_return,
            CHANGE,
            when=is_open,
            done=gettext_lazy("Returned for supplement."),
        ),
        Step(
            "withdraw",
            gettext_lazy("Withdraw"),
            dated(gettext_lazy("Withdrawn on")),
            services.request_withdraw,
            # the reviewers, or the submitting department while the request is open
            selectors.may_edit,
            when=is_open,
            done=gettext_lazy("The request is withdrawn."),
            forbidden=gettext_lazy(
                "Only the reviewers, or the submitting unit while the request is open, may "
                "withdraw it."
            ),
        ),
        Step(
            "adoption",
            gettext_lazy("Record the adoption of the opinions"),
            forms.AdoptionForm,
            services.items_record_adoption,
            CHANGE,
            when=lambda s: (
                s.record.status == ReviewRequest.Status.OPINION_ISSUED and s.record.items.exists()
            ),
            done=gettext_lazy("Adoption recorded."),
            button=gettext_lazy("Save adoption"),
        ),
    ],
)

FILING = Workflow(
    model=Filing,
    record_arg="filing",
    get_for_user=selectors.get_filing_for_user,
    url_name="legality:filing_step",
    list_url_name="legality:filing_list",
    list_title=gettext_lazy("Filings"),
    steps=[
        Step(
            "review",
            gettext_lazy("Record the review result"),
            forms.FilingReviewForm,
            services.filing_review,
            "legality.change_filing",
            done=gettext_lazy("Review result recorded."),
            button=gettext_lazy("Save"),
        ),
    ],
)
