"""Form rendering shared by every page."""

from django.forms.renderers import DjangoTemplates


class FieldGroupRenderer(DjangoTemplates):
    # Each field's label, hint, errors and input in one block, so spacing
    # separates fields rather than a hint from its own input.
    field_template_name = "core/field.html"
