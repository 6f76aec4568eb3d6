"""Forms of the account pages (系统管理 in the platform's look)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from fazhi.core.forms import bootstrap
from fazhi.org.models import Unit, User
from fazhi.org.rules import roles_grantable_by


class _Passwords(forms.Form):
    password1 = forms.CharField(label=_("Password"), widget=forms.PasswordInput, strip=False)
    password2 = forms.CharField(label=_("Password again"), widget=forms.PasswordInput, strip=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("password1") and cleaned.get("password1") != cleaned.get("password2"):
            self.add_error("password2", _("The two passwords differ."))
        return cleaned


class UserCreateForm(_Passwords):
    username = forms.CharField(
        label=_("Username"),
        max_length=150,
        help_text=_("Letters, digits and @ . + - _ only; used to log in."),
    )
    full_name = forms.CharField(label=_("Full name"), max_length=50)
    unit = forms.ModelChoiceField(label=_("Unit"), queryset=Unit.objects.none())
    roles = forms.ModelMultipleChoiceField(
        label=_("Roles"), queryset=None, widget=forms.CheckboxSelectMultiple
    )
    phone = forms.CharField(label=_("Phone"), max_length=20, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)

    field_order = [
        "username",
        "full_name",
        "unit",
        "roles",
        "phone",
        "email",
        "password1",
        "password2",
    ]

    def __init__(self, *args, manager, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.visible_to(manager).order_by("path")
        self.fields["roles"].queryset = roles_grantable_by(manager)
        self.fields["password1"].help_text = _("The user must replace it at the first login.")
        bootstrap(self)
        self.fields["roles"].col = "col-md-8"

    def clean_username(self):
        username = self.cleaned_data["username"]
        if User.objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(_("This username is taken."))
        return username


class PasswordResetForm(_Passwords):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password1"].label = _("New password")
        self.fields["password1"].help_text = _("The user must replace it at the next login.")
        bootstrap(self)


class PlacementCheck:
    """A unit form's check of where the unit goes: never under itself or its subordinates,
    never under a parent with no room left (the platform's page and the admin alike)."""

    def clean(self):
        from django.core.exceptions import ValidationError

        from fazhi.org import services

        cleaned = super().clean()
        if "parent" not in cleaned:
            return cleaned
        parent = cleaned["parent"]
        stored = Unit.objects.get(pk=self.instance.pk) if self.instance.pk else None
        try:
            if stored is not None:
                services.check_move(stored, parent)
            if stored is None or stored.parent_id != (parent.pk if parent else None):
                services.check_room_under(parent)
        except ValidationError as error:
            self.add_error(None, error)
        return cleaned


class UnitForm(PlacementCheck, forms.ModelForm):
    """A unit of the tree: its place (parent) within the manager's scope; creation and moves go
    through the services that keep the tree's path right."""

    class Meta:
        model = Unit
        fields = [
            "name",
            "short_name",
            "code",
            "kind",
            "parent",
            "area_code",
            "credit_code",
            "is_active",
        ]

    def __init__(self, *args, manager, **kwargs):
        super().__init__(*args, **kwargs)
        parents = Unit.objects.visible_to(manager)
        if self.instance.pk:
            # A township's staff edit their township, whose parent lies outside their scope.
            parents = Unit.objects.filter(pk__in=parents.values("pk")) | Unit.objects.filter(
                pk=self.instance.parent_id
            )
        self.fields["parent"].queryset = parents.order_by("path")
        self.fields["parent"].required = not manager.is_superuser
        if not self.instance.pk:
            self.fields.pop("is_active")
        bootstrap(self)
