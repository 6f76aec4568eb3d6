"""The steps of a dispute: mediation started, and the mediation concluded with its outcome
(fazhi.core.workflow makes their pages, the dispute page's panel and the API actions)."""

from django.utils.translation import gettext_lazy as _

from fazhi.core.workflow import Step, StepForm, Workflow
from fazhi.mediation import forms, selectors, services
from fazhi.mediation.models import Dispute

CHANGE = "mediation.change_dispute"

DISPUTE = Workflow(
    model=Dispute,
    record_arg="dispute",
    get_for_user=selectors.get_dispute_for_user,
    url_name="mediation:dispute_step",
    list_url_name="mediation:dispute_list",
    list_title=_("Disputes"),
    steps=[
        Step(
            "start",
            _("Start mediation"),
            StepForm,
            services.dispute_start_mediation,
            CHANGE,
            when=lambda s: s.record.status == Dispute.Status.RECEIVED,
            done=_("Mediation started."),
        ),
        Step(
            "close",
            _("Close with outcome"),
            forms.CloseForm,
            services.dispute_close,
            CHANGE,
            when=lambda s: s.record.is_open,
            done=_("The mediation is concluded."),
            button=_("Conclude the mediation"),
            inline=False,
            closed=_("This dispute is already concluded."),
        ),
    ],
)
