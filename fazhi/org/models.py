"""Units (a tree with a materialised path), roles with a data scope, and users."""

from django.contrib.auth.models import AbstractUser, Permission, UserManager
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from knox.models import AuthToken

from fazhi.core.validators import validate_area_code, validate_credit_code, validate_phone
from fazhi.org.scope import ScopedQuerySet

# Each level of the path is this many digits. Positions run 0001..9998 so that the next
# sibling's path, the subtree's upper bound, always has the same length.
PATH_STEP = 4
MAX_CHILDREN = 10**PATH_STEP - 2


class Unit(models.Model):
    class Kind(models.TextChoices):
        DISTRICT = "DISTRICT", _("District")
        PARTY_OFFICE = "PARTY_OFFICE", _("Party or government office")
        JUSTICE_BUREAU = "JUSTICE_BUREAU", _("Justice bureau")
        BUREAU_SECTION = "BUREAU_SECTION", _("Bureau section")
        DEPARTMENT = "DEPARTMENT", _("District department")
        TOWNSHIP = "TOWNSHIP", _("Township or street")
        JUSTICE_OFFICE = "JUSTICE_OFFICE", _("Township justice office")
        VILLAGE = "VILLAGE", _("Village or community")
        MEDIATION_COMMITTEE = "MEDIATION_COMMITTEE", _("Mediation committee")
        SERVICE_SITE = "SERVICE_SITE", _("Legal service site")
        LAW_FIRM = "LAW_FIRM", _("Law firm")
        SCHOOL = "SCHOOL", _("School")
        COURT = "COURT", _("Court")
        OTHER = "OTHER", _("Other")

    # A township justice office works for its whole township: for its staff, "own unit and
    # below" means the township's subtree (mediation committees, villages, sites).
    SERVES_PARENT = frozenset({Kind.JUSTICE_OFFICE})

    code = models.CharField(
        _("unit code"),
        max_length=32,
        unique=True,
        validators=[RegexValidator(r"^[A-Za-z0-9-]+$", _("Use letters, digits and hyphens only."))],
        help_text=_("Stable identifier used by reports, imports and the command line."),
    )
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=100)
    short_name = models.CharField(_("short name"), max_length=50, blank=True)
    area_code = models.CharField(
        _("area code"),
        max_length=9,
        blank=True,
        validators=[validate_area_code],
        help_text=_("GB/T 2260 administrative-division code, where one applies."),
    )
    credit_code = models.CharField(
        _("unified social credit code"),
        max_length=18,
        blank=True,
        validators=[validate_credit_code],
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    # Materialised path: the parent's path plus this unit's 4-digit position. A subtree is the
    # range [path, next sibling's path): one indexed query on any database.
    path = models.CharField(_("tree path"), max_length=252, unique=True, editable=False)
    depth = models.PositiveSmallIntegerField(_("depth"), default=0, editable=False)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = ScopedQuerySet.as_manager()

    # Data scope: a unit is "in" the units it is.
    scope_unit_field = ""

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["path"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(parent=F("pk")),
                name="unit_not_own_parent",
                violation_error_message=_("A unit cannot be moved under itself."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("org:unit_detail", args=[self.pk])

    @property
    def display_name(self) -> str:
        return self.short_name or self.name

    def subtree_bounds(self) -> tuple[str, str]:
        return subtree_bounds(self.path)

    def scope_root(self) -> "Unit":
        """The unit whose subtree "own unit and below" means for this unit's staff."""
        if self.kind in self.SERVES_PARENT and self.parent_id:
            return self.parent
        return self

    def ancestors(self) -> models.QuerySet:
        """This unit's ancestors, root first, in one query."""
        prefixes = [self.path[:i] for i in range(PATH_STEP, len(self.path), PATH_STEP)]
        return Unit.objects.filter(path__in=prefixes).order_by("path")


def subtree_bounds(path: str) -> tuple[str, str]:
    """[low, high) bounds of the subtree rooted at `path`: the upper bound is the path of the
    next sibling, so digit-only paths compare the same way under every collation."""
    head, last = path[:-PATH_STEP], int(path[-PATH_STEP:])
    return path, f"{head}{last + 1:0{PATH_STEP}d}"


class Role(models.Model):
    class DataScope(models.TextChoices):
        ALL = "ALL", _("All data")
        CUSTOM = "CUSTOM", _("Custom units")
        UNIT_AND_BELOW = "UNIT_AND_BELOW", _("Own unit and below")
        UNIT = "UNIT", _("Own unit only")
        SELF = "SELF", _("Own records only")

    code = models.SlugField(_("role code"), max_length=50, unique=True)
    name = models.CharField(_("name"), max_length=50, unique=True)
    data_scope = models.CharField(
        _("data scope"), max_length=20, choices=DataScope.choices, default=DataScope.SELF
    )
    custom_units = models.ManyToManyField(
        Unit,
        verbose_name=_("custom units"),
        blank=True,
        related_name="+",
        help_text=_("With the custom data scope: the units (and their subtrees) this role sees."),
    )
    permissions = models.ManyToManyField(
        Permission, verbose_name=_("permissions"), blank=True, related_name="roles"
    )
    description = models.CharField(_("description"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        ordering = ["code"]

    def __str__(self):
        return self.name


class ScopedUserManager(UserManager.from_queryset(ScopedQuerySet)):
    pass


class User(AbstractUser):
    full_name = models.CharField(_("full name"), max_length=50, blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True, validators=[validate_phone])
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
    )
    roles = models.ManyToManyField(Role, verbose_name=_("roles"), blank=True, related_name="users")
    password_changed_at = models.DateTimeField(_("password changed"), null=True, blank=True)
    must_change_password = models.BooleanField(
        _("must change the password at next login"),
        default=False,
        help_text=_("Set when an administrator creates the account or resets its password."),
    )

    objects = ScopedUserManager()

    # Data scope: a user belongs to their unit; "own records" means oneself.
    scope_unit_field = "unit"
    scope_owner_field = "pk"

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["unit__path", "username"]

    def __str__(self):
        return self.full_name or self.username

    def get_absolute_url(self):
        return reverse("org:user_detail", args=[self.pk])

    def get_full_name(self):
        return self.full_name or super().get_full_name() or self.username


class PasswordHistory(models.Model):
    """The hashes of a user's last passwords (org.passwords refuses their reuse)."""

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="password_history", verbose_name=_("user")
    )
    password = models.CharField(_("password hash"), max_length=128)
    created_at = models.DateTimeField(_("set at"), auto_now_add=True)

    class Meta:
        verbose_name = _("previous password")
        verbose_name_plural = _("previous passwords")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.user} {self.created_at:%Y-%m-%d}"


class ApiToken(AuthToken):
    """An API token (django-rest-knox) as 系统管理 names it."""

    class Meta:
        proxy = True
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self):
        return f"{self.token_key}… ({self.user})"  # its first characters only, never the digest
