"""Data scope: what each demo user sees of units and users, by the queryset mechanism."""

import pytest
from django.db import connection
from django.http import Http404

from fazhi.org.models import Role, Unit, User
from fazhi.org.scope import get_visible_or_404

pytestmark = pytest.mark.django_db


def names(queryset):
    return set(queryset.values_list("name", flat=True))


def test_leader_sees_every_unit(district):
    assert Unit.objects.visible_to(district["leader"]).count() == Unit.objects.count()


def test_township_user_sees_own_township_subtree_only(district):
    visible = names(Unit.objects.visible_to(district["xinqiao"]))
    assert visible == {"新桥镇", "新桥镇司法所", "新桥镇人民调解委员会"}


def test_township_user_cannot_see_another_township(district):
    visible = names(Unit.objects.visible_to(district["xiaojiangou"]))
    assert "新桥镇" not in visible
    assert "小枧沟镇" in visible and "小枧沟司法所" in visible


def test_township_user_sees_only_users_of_own_township(district):
    visible = set(User.objects.visible_to(district["xinqiao"]).values_list("username", flat=True))
    assert visible == {"xinqiao", "mediator"}


def test_liaison_sees_own_department_only(district):
    assert names(Unit.objects.visible_to(district["liaison"])) == {"区市场监督管理局"}


def test_own_records_scope_sees_only_oneself(district):
    user = district["liaison"]
    role = Role.objects.create(code="self_only", name="仅本人", data_scope=Role.DataScope.SELF)
    user.roles.set([role])
    user = User.objects.get(pk=user.pk)  # a fresh object: the scope is read once per request
    assert list(User.objects.visible_to(user)) == [user]


def test_custom_scope_covers_listed_units_and_their_subtrees(district):
    user = district["liaison"]
    role = Role.objects.create(code="two", name="两镇观察", data_scope=Role.DataScope.CUSTOM)
    role.custom_units.set(Unit.objects.filter(name__in=["新桥镇", "魏城镇"]))
    user.roles.set([role])
    user = User.objects.get(pk=user.pk)
    assert names(Unit.objects.visible_to(user)) == {
        "新桥镇",
        "新桥镇司法所",
        "新桥镇人民调解委员会",
        "魏城镇",
        "魏城镇司法所",
    }


def test_user_without_role_sees_nothing(district):
    user = district["liaison"]
    user.roles.clear()
    user = User.objects.get(pk=user.pk)
    assert not Unit.objects.visible_to(user).exists()
    assert not User.objects.visible_to(user).exists()


def test_inactive_user_sees_nothing(district):
    user = district["leader"]
    user.is_active = False
    assert not Unit.objects.visible_to(user).exists()


def test_roles_combine_as_a_union(district):
    user = district["liaison"]
    user.roles.add(Role.objects.get(code="township_staff"))  # unit is a department: own subtree
    user = User.objects.get(pk=user.pk)
    assert names(Unit.objects.visible_to(user)) == {"区市场监督管理局"}
    xinqiao = Role.objects.create(code="x", name="新桥", data_scope=Role.DataScope.CUSTOM)
    xinqiao.custom_units.set([Unit.objects.get(name="新桥镇")])
    user.roles.add(xinqiao)
    user = User.objects.get(pk=user.pk)
    assert "新桥镇司法所" in names(Unit.objects.visible_to(user))
    assert "区市场监督管理局" in names(Unit.objects.visible_to(user))


def test_get_for_user_answers_404_to_an_outsider(district):
    other = Unit.objects.get(name="小枧沟镇")
    with pytest.raises(Http404):
        get_visible_or_404(Unit.objects.all(), district["xinqiao"], other.pk)
    assert get_visible_or_404(Unit.objects.all(), district["xiaojiangou"], other.pk) == other


def test_subtree_is_one_query(district, django_assert_num_queries):
    township = Unit.objects.get(name="新桥镇")
    low, high = township.subtree_bounds()
    with django_assert_num_queries(1):
        found = names(Unit.objects.filter(path__gte=low, path__lt=high))
    assert found == {"新桥镇", "新桥镇司法所", "新桥镇人民调解委员会"}


def test_subtree_query_can_use_the_path_index(district):
    township = Unit.objects.get(name="新桥镇")
    low, high = township.subtree_bounds()
    sql, params = Unit.objects.filter(path__gte=low, path__lt=high).query.sql_with_params()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("EXPLAIN " + sql, params)
        else:
            cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        plan = " ".join(str(row) for row in cursor.fetchall())
    assert "index" in plan.lower(), plan


def test_own_records_scope_without_a_unit_still_sees_oneself(district):
    user = district["liaison"]
    user.unit = None
    user.save()
    user.roles.set([Role.objects.create(code="s", name="本人", data_scope=Role.DataScope.SELF)])
    user = User.objects.get(pk=user.pk)
    assert list(User.objects.visible_to(user)) == [user]
    assert not Unit.objects.visible_to(user).exists()


def test_scope_description_names_the_township_a_justice_office_covers(district):
    from fazhi.org.selectors import scope_description

    assert scope_description(district["xinqiao"]) == ["司法所工作人员：本单位及以下（新桥镇）"]
    assert scope_description(district["liaison"]) == ["部门联络员：仅本单位（区市场监督管理局）"]
