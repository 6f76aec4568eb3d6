"""The header's search box: a case by number or party name across every line of work, within
the searcher's data scope."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _found(client, text):
    response = client.get(reverse("search"), {"q": text})
    assert response.status_code == 200
    return {
        kind.label: [str(record) for record in records]
        for kind, records, _more in response.context["results"]
    }


def test_a_party_name_or_a_number_finds_the_case_in_the_searchers_scope_only(ledger, login):
    dispute = ledger["xq_dispute"]  # 张大山 and 李小河, in 新桥镇
    township = login("xinqiao")
    assert _found(township, "张大山") == {"矛盾纠纷": [dispute.number]}
    assert _found(township, dispute.number) == {"矛盾纠纷": [dispute.number]}
    assert _found(login("xiaojiangou"), "张大山") == {}  # another township's case
    assert set(_found(login("leader"), "2019")["矛盾纠纷"]) == {
        dispute.number,
        ledger["xj_dispute"].number,
    }


def test_one_character_is_not_searched_and_nothing_found_says_so(ledger, login):
    client = login("leader")
    assert "请至少输入两个字" in client.get(reverse("search"), {"q": "王"}).text
    assert "没有找到" in client.get(reverse("search"), {"q": "查无此案"}).text
