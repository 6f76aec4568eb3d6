"""Form helpers shared by the apps' pages."""

from django import forms
from django.core.exceptions import ValidationError

from fazhi.core.validators import validate_multiline, validate_single_line


def bootstrap(form: forms.BaseForm, *, small: bool = False) -> forms.BaseForm:
    """Give every widget of `form` Bootstrap's classes (and a native date picker)."""
    size = " form-control-sm" if small else ""
    select_size = " form-select-sm" if small else ""
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, forms.CheckboxInput):
            css = "form-check-input"
        elif isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
            css = ""
        elif isinstance(widget, forms.Select | forms.SelectMultiple):
            css = "form-select" + select_size
        else:
            css = "form-control" + size
        if isinstance(widget, forms.DateInput):
            widget.input_type = "date"
            widget.format = "%Y-%m-%d"
        if css:  # idempotent: a form that adds fields later may call this again
            classes = widget.attrs.get("class", "").split()
            classes += [c for c in css.split() if c not in classes]
            widget.attrs["class"] = " ".join(classes)
    refuse_control_characters(form)
    return form


def refuse_control_characters(form: forms.BaseForm) -> None:
    """Every text field of `form` refuses invisible control characters (a text area keeps its
    line breaks and tabs), as the models' own fields do."""
    for field in form.fields.values():
        if isinstance(field, forms.CharField):
            multiline = isinstance(field.widget, forms.Textarea)
            validator = validate_multiline if multiline else validate_single_line
            if validator not in field.validators:
                field.validators.append(validator)


class StyledForm:
    """Mixin: Bootstrap classes on every field."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        bootstrap(self)


def put_errors(form, error: ValidationError) -> None:
    """A service's ValidationError back onto the form's fields (or the form as a whole)."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files from one input (Django's documented pattern): cleans to a list."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(d, initial) for d in data]
        return [single(data, initial)] if data else []
