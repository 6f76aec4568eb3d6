from django import forms

from fazhi.core.tests.petitions import selectors, services
from fazhi.core.tests.petitions.models import Petition
from fazhi.core.workflow import DatedStepForm, Step, Workflow, dated


class AnswerForm(DatedStepForm):
    on_label = "答复日期"
    answer = forms.CharField(label="答复意见", widget=forms.Textarea(attrs={"rows": 3}))


PETITION = Workflow(
    model=Petition,
    record_arg="petition",
    get_for_user=selectors.get_petition_for_user,
    url_name="petitions:petition_step",
    list_url_name="petitions:petition_list",
    list_title="信访事项",
    steps=[
        Step(
            "accept",
            "受理",
            dated("受理日期"),
            services.petition_accept,
            "petitions.change_petition",
            when=lambda s: s.record.status == Petition.Status.RECEIVED,
            done="已受理。",
        ),
        Step(
            "answer",
            "答复",
            AnswerForm,
            services.petition_answer,
            "petitions.change_petition",
            when=lambda s: s.record.status == Petition.Status.ACCEPTED,
            done="已答复。",
        ),
    ],
)
