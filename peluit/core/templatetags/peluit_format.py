"""Filters for money and codes, formatted the id-ID way in every language."""

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def rupiah(amount: int | None) -> str:
    if amount is None:
        return ""
    return "Rp " + number_format(amount, decimal_pos=0, force_grouping=True)


@register.filter
def receipt_groups(code: str) -> str:
    """Shows a 16-digit receipt as 4-4-4-4, easier to copy and read out."""
    return " ".join(code[i : i + 4] for i in range(0, len(code), 4))
