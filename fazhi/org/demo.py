"""The demo district: 游仙区 (Youxian, Mianyang) as of 2019, its units, roles and demo users.

Synthetic data for demonstration and tests; names follow the seed report where it names a unit
(新桥镇, 小枧沟), the rest is a plausible county layout, not an official list.
"""

from dataclasses import dataclass

from django.apps import apps
from django.contrib.auth.models import Permission
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import autodiscover_modules, import_string

from fazhi.org import services
from fazhi.org.models import Role, Unit, User

DEMO_PASSWORD = "Fazhi-2019"  # noqa: S105 - published demo password, printed by `make run`
DISTRICT_CODE = "510704"

K = Unit.Kind
BUREAU_SECTIONS = [
    "办公室",
    "法治督察科",
    "合法性审查科",
    "行政执法协调监督科",
    "行政复议与应诉科",
    "普法与依法治理科",
    "人民参与和促进法治科",
    "公共法律服务管理科",
    "社区矫正管理科",
]
DEPARTMENTS = [
    ("区发展和改革局", "区发改局"),
    ("区教育和体育局", "区教体局"),
    ("区经济信息化和科学技术局", "区经信科技局"),
    ("区公安分局", "区公安分局"),
    ("区民政局", "区民政局"),
    ("区财政局", "区财政局"),
    ("区人力资源和社会保障局", "区人社局"),
    ("区自然资源局", "区自然资源局"),
    ("区生态环境局", "区生态环境局"),
    ("区住房和城乡建设局", "区住建局"),
    ("区交通运输局", "区交通运输局"),
    ("区农业农村局", "区农业农村局"),
    ("区水利局", "区水利局"),
    ("区商务局", "区商务局"),
    ("区文化广播电视和旅游局", "区文广旅局"),
    ("区卫生健康局", "区卫健局"),
    ("区退役军人事务局", "区退役军人局"),
    ("区应急管理局", "区应急局"),
    ("区审计局", "区审计局"),
    ("区市场监督管理局", "区市场监管局"),
    ("区综合行政执法局", "区综合执法局"),
    ("区医疗保障局", "区医保局"),
]
# (code suffix, township name, justice-office name)
TOWNSHIPS = [
    ("001", "游仙街道", "游仙街道司法所"),
    ("002", "涪江街道", "涪江街道司法所"),
    ("003", "春雷街道", "春雷街道司法所"),
    ("101", "新桥镇", "新桥镇司法所"),
    ("102", "小枧沟镇", "小枧沟司法所"),
    ("103", "魏城镇", "魏城镇司法所"),
    ("104", "沉抗镇", "沉抗镇司法所"),
    ("105", "石马镇", "石马镇司法所"),
    ("106", "忠兴镇", "忠兴镇司法所"),
    ("107", "玉河镇", "玉河镇司法所"),
    ("108", "刘家镇", "刘家镇司法所"),
    ("109", "街子镇", "街子镇司法所"),
]
ROLES = [
    # code, name, data scope, permissions (app_label.codename)
    ("sysadmin", "系统管理员", Role.DataScope.ALL, "*"),
    ("leader", "局领导", Role.DataScope.ALL, ["org.view_unit", "org.view_user"]),
    ("section_staff", "科室工作人员", Role.DataScope.ALL, ["org.view_unit", "org.view_user"]),
    (
        "township_staff",
        "司法所工作人员",
        Role.DataScope.UNIT_AND_BELOW,
        ["org.view_unit", "org.view_user"],
    ),
    ("liaison", "部门联络员", Role.DataScope.UNIT, ["org.view_unit"]),
    ("mediator", "调解员", Role.DataScope.UNIT, ["org.view_unit"]),
    ("observer", "观察员", Role.DataScope.ALL, ["org.view_unit"]),
]


def _unit(code, kind, name, parent, short_name="", area_code="") -> Unit:
    fields = {
        "kind": kind,
        "name": name,
        "short_name": short_name,
        "area_code": area_code,
        "is_active": True,
    }
    existing = Unit.objects.filter(code=code).first()
    if existing is None:
        return services.unit_create(parent=parent, code=code, **fields)
    return services.unit_update(unit=existing, parent=parent, **fields)


def demo_unit_codes() -> set[str]:
    codes = {DISTRICT_CODE, "510704-qwb", "510704-zfb", "510704-yfzq", "510704-sfj", "510704-fy"}
    codes |= {f"510704-sfj-{i:02d}" for i in range(1, len(BUREAU_SECTIONS) + 1)}
    codes |= {f"510704-d{i:02d}" for i in range(1, len(DEPARTMENTS) + 1)}
    for suffix, _name, _office in TOWNSHIPS:
        codes |= {f"510704{suffix}", f"510704{suffix}-sfs"}
    codes.add("510704101-twh")
    return codes


BUREAU_CODE = "510704-sfj"


def section_code(name: str) -> str:
    """The unit code of a section of the justice bureau ("合法性审查科")."""
    return f"{BUREAU_CODE}-{BUREAU_SECTIONS.index(name) + 1:02d}"


def department_code(short_name: str) -> str:
    """The unit code of a district department by its short name ("区市场监管局")."""
    shorts = [short for _name, short in DEPARTMENTS]
    return f"{DISTRICT_CODE}-d{shorts.index(short_name) + 1:02d}"


# --- demo users: each line of work registers its own ---------------------------------------


@dataclass(frozen=True)
class DemoUser:
    """A demo login: who, in which unit (code), with which role, and how `make run` (through
    `fazhi demo --logins`) describes them."""

    username: str
    full_name: str
    unit_code: str
    role: str
    description: str
    order: int = 100
    superuser: bool = False


_demo_users: dict[str, DemoUser] = {}


def register_demo_user(*users: DemoUser) -> None:
    for user in users:
        if user.username in _demo_users and _demo_users[user.username] != user:
            raise ImproperlyConfigured(f"demo user {user.username} registered twice")
        _demo_users[user.username] = user


def demo_users() -> list[DemoUser]:
    """Every demo user the installed lines of work register (in their `demo.py`)."""
    autodiscover_modules("demo")
    return sorted(_demo_users.values(), key=lambda u: (u.order, u.username))


def demo_usernames() -> set[str]:
    return {user.username for user in demo_users()}


register_demo_user(
    DemoUser(
        "admin",
        "系统管理员",
        BUREAU_CODE,
        "sysadmin",
        "系统管理员 (system administrator)",
        order=0,
        superuser=True,
    ),
    DemoUser(
        "leader",
        "王局长",
        BUREAU_CODE,
        "leader",
        "局领导 (bureau leader, all data; approves the annual report)",
        order=10,
    ),
)


def load_units() -> dict[str, Unit]:
    district = _unit(DISTRICT_CODE, K.DISTRICT, "绵阳市游仙区", None, "游仙区", DISTRICT_CODE)
    _unit("510704-qwb", K.PARTY_OFFICE, "中共绵阳市游仙区委办公室", district, "区委办")
    _unit("510704-zfb", K.PARTY_OFFICE, "绵阳市游仙区人民政府办公室", district, "区政府办")
    _unit(
        "510704-yfzq",
        K.PARTY_OFFICE,
        "中共绵阳市游仙区委全面依法治区委员会办公室",
        district,
        "区委依法治区办",
    )
    bureau = _unit("510704-sfj", K.JUSTICE_BUREAU, "绵阳市游仙区司法局", district, "区司法局")
    for i, name in enumerate(BUREAU_SECTIONS, start=1):
        _unit(f"510704-sfj-{i:02d}", K.BUREAU_SECTION, name, bureau)
    units = {"district": district, "bureau": bureau}
    for i, (name, short) in enumerate(DEPARTMENTS, start=1):
        units[short] = _unit(f"510704-d{i:02d}", K.DEPARTMENT, name, district, short)
    _unit("510704-fy", K.COURT, "绵阳市游仙区人民法院", district, "游仙区法院")
    for suffix, name, office in TOWNSHIPS:
        township = _unit(f"510704{suffix}", K.TOWNSHIP, name, district)
        units[name] = township
        units[office] = _unit(f"510704{suffix}-sfs", K.JUSTICE_OFFICE, office, township)
    units["新桥镇人民调解委员会"] = _unit(
        "510704101-twh",
        K.MEDIATION_COMMITTEE,
        "新桥镇人民调解委员会",
        units["新桥镇"],
        "新桥镇调委会",
    )
    return units


def load_roles() -> dict[str, Role]:
    roles = {}
    for code, name, scope, perms in ROLES:
        role, _created = Role.objects.update_or_create(
            code=code, defaults={"name": name, "data_scope": scope}
        )
        if perms == "*":
            role.permissions.set(Permission.objects.all())
        else:
            grant(role, perms)
        roles[code] = role
    return roles


def grant(role: Role, perms: list[str]) -> None:
    """Add permissions ("app_label.codename") to a role."""
    for perm in perms:
        app_label, codename = perm.split(".")
        role.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )


def grant_to_roles(app_label: str, codenames_by_role: dict[str, list[str]]) -> None:
    """A line of work's permissions for the demo roles: role code → codenames of the app."""
    for code, codenames in codenames_by_role.items():
        role = Role.objects.filter(code=code).first()
        if role is not None:
            grant(role, [f"{app_label}.{codename}" for codename in codenames])


def _user(username, full_name, unit, role, **flags) -> User:
    """Create the demo user, or bring an existing one back to its demo state."""
    fields = {
        "full_name": full_name,
        "unit": unit,
        "is_active": True,
        "is_staff": flags.get("is_staff", False),
        "is_superuser": flags.get("is_superuser", False),
    }
    user = User.objects.filter(username=username).first()
    if user is None:
        user = User(username=username, **fields)
        user.set_password(DEMO_PASSWORD)
        user.save()
    elif any(getattr(user, name) != value for name, value in fields.items()):
        for name, value in fields.items():
            setattr(user, name, value)
        user.save()
    if list(user.roles.all()) != [role]:
        user.roles.set([role])
    return user


def load(year: int, out) -> None:
    load_units()
    roles = load_roles()
    for demo_user in demo_users():
        _user(
            demo_user.username,
            demo_user.full_name,
            Unit.objects.get(code=demo_user.unit_code),
            roles[demo_user.role],
            is_staff=demo_user.superuser,
            is_superuser=demo_user.superuser,
        )
    out.write(f"  组织机构：{Unit.objects.count()} 个单位，{User.objects.count()} 个用户")


def is_demo_database() -> bool:
    """True when the database holds nothing but demo units and users (or nothing at all)."""
    codes = demo_unit_codes()
    for config in apps.get_app_configs():  # units other demos create (mediation committees …)
        try:
            codes |= import_string(f"{config.name}.demo.demo_unit_codes")()
        except ImportError:
            continue
    foreign_units = Unit.objects.exclude(code__in=codes).exists()
    foreign_users = User.objects.exclude(username__in=demo_usernames()).exists()
    return not foreign_units and not foreign_users
