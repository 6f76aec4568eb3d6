"""django-filter pieces shared by the apps' list filters."""

import django_filters
from django import forms


class SafeModelChoiceField(forms.ModelChoiceField):
    """A choice by id where an id too large for the database is "not a valid choice" (SQLite
    raises OverflowError on it, which Django's field does not expect)."""

    def to_python(self, value):
        try:
            return super().to_python(value)
        except OverflowError:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            ) from None


class ModelChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = SafeModelChoiceField
