"""A small mediation ledger in two townships, built through the services."""

from datetime import date
from decimal import Decimal

import pytest

from fazhi.core.validators import id_number_check_char


def make_id(first17: str) -> str:
    return first17 + id_number_check_char(first17)


@pytest.fixture
def ledger(district):
    from fazhi.core.models import NumberingRule
    from fazhi.mediation import demo, services
    from fazhi.mediation.models import Committee, Dispute, Mediator
    from fazhi.org.models import Unit

    demo._grant_permissions()
    xinqiao = Unit.objects.get(code="510704101")
    xiaojiangou = Unit.objects.get(code="510704102")
    NumberingRule.objects.create(unit=xinqiao, key="mediation.dispute", prefix="新桥调")
    NumberingRule.objects.create(unit=xiaojiangou, key="mediation.dispute", prefix="小枧调")
    # The demo's 新桥镇人民调解委员会 unit exists already: give it its profile.
    xq_committee = Committee.objects.create(
        unit=Unit.objects.get(code="510704101-twh"),
        committee_type=Committee.Type.TOWNSHIP,
        has_standard_room=True,
    )
    xj_committee = services.committee_create(
        parent=xiaojiangou,
        code="510704102-twh",
        name="小枧沟镇人民调解委员会",
        committee_type=Committee.Type.TOWNSHIP,
    )
    xq_mediator = services.mediator_create(
        name="毛兰海",
        gender="M",
        id_number=make_id("51070419700101123"),
        committee=xq_committee,
        employment=Mediator.Employment.FULL_TIME,
        purchased_service=True,
        hired_on=date(2018, 3, 1),
    )
    xj_mediator = services.mediator_create(
        name="周小枧",
        gender="F",
        id_number=make_id("51070419750505222"),
        committee=xj_committee,
        employment=Mediator.Employment.PART_TIME,
        hired_on=date(2016, 1, 1),
    )

    def party(name, first17):
        return {"kind": "PERSON", "name": name, "gender": "M", "id_number": make_id(first17)}

    xq_dispute = services.dispute_create(
        committee=xq_committee,
        dispute_type=Dispute.Type.NEIGHBOURHOOD,
        source=Dispute.Source.APPLICATION,
        received_on=date(2019, 5, 6),
        lead_mediator=xq_mediator,
        facts="两户因排水沟发生争执。",
        parties=[party("张大山", "51070419800101001"), party("李小河", "51070419810202002")],
    )
    xj_dispute = services.dispute_create(
        committee=xj_committee,
        dispute_type=Dispute.Type.CONTRACT,
        source=Dispute.Source.COURT,
        received_on=date(2019, 6, 1),
        lead_mediator=xj_mediator,
        status=Dispute.Status.SUCCEEDED,
        closed_on=date(2019, 6, 20),
        agreement_form=Dispute.AgreementForm.WRITTEN,
        agreement_amount=Decimal("5000.00"),
        agreed_terms="乙方支付甲方五千元。",
        parties=[party("王小枧", "51070419900303003"), party("赵沟", "51070419910404004")],
    )
    return {
        "xq_committee": xq_committee,
        "xj_committee": xj_committee,
        "xq_mediator": xq_mediator,
        "xj_mediator": xj_mediator,
        "xq_dispute": xq_dispute,
        "xj_dispute": xj_dispute,
        "users": district,
    }
