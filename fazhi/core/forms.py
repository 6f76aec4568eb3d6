"""Form helpers shared by the apps' pages."""

from django import forms


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
        if css:
            widget.attrs["class"] = f"{widget.attrs.get('class', '')} {css}".strip()
    return form


class StyledForm:
    """Mixin: Bootstrap classes on every field."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        bootstrap(self)
