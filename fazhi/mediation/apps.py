from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediationConfig(AppConfig):
    name = "fazhi.mediation"
    verbose_name = _("People's mediation")
    url_prefix = "mediation/"
    menu_order = 100
    demo_order = 100

    def ready(self):
        from auditlog.registry import auditlog

        from fazhi.mediation.models import Committee, Dispute, Mediator, Party

        auditlog.register(Committee)
        auditlog.register(Mediator)
        auditlog.register(
            Dispute,
            exclude_fields=["version", "created_at", "updated_at"],
            m2m_fields={"other_mediators"},
        )
        auditlog.register(Party)

    def menu(self):
        from fazhi.core.menu import MenuEntry

        return [
            MenuEntry(_("Disputes"), "mediation:dispute_list", "mediation.view_dispute", order=10),
            MenuEntry(
                _("Mediation committees"),
                "mediation:committee_list",
                "mediation.view_committee",
                order=20,
            ),
            MenuEntry(_("Mediators"), "mediation:mediator_list", "mediation.view_mediator", 30),
            MenuEntry(_("Import from Excel"), "ledgers:import", "mediation.add_dispute", 40),
        ]
