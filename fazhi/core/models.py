"""Shared machinery with tables of its own: document numbering (文号)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class NumberingRule(models.Model):
    """How one unit numbers one kind of document: 游司审〔2019〕12号 is prefix 游司审, the year in
    〔〕 (U+3014/U+3015), the serial, and 号. Serials restart at 1 every year."""

    unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("unit"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_(
            "Applies to this unit and, where they have no rule of their own, to its subordinate units."
        ),
    )
    key = models.SlugField(
        _("document kind"),
        max_length=60,
        help_text=_("e.g. legality.opinion_letter, mediation.agreement"),
    )
    prefix = models.CharField(_("prefix"), max_length=20)

    class Meta:
        verbose_name = _("numbering rule")
        verbose_name_plural = _("numbering rules")
        constraints = [
            models.UniqueConstraint(fields=["unit", "key"], name="numbering_one_rule_per_unit_kind")
        ]

    def __str__(self):
        return f"{self.prefix}〔年〕N号（{self.key}）"


class NumberSequence(models.Model):
    """The last serial given under a rule in a year; locked while the next one is taken."""

    rule = models.ForeignKey(NumberingRule, on_delete=models.CASCADE, related_name="sequences")
    year = models.PositiveSmallIntegerField(_("year"))
    last_serial = models.PositiveIntegerField(_("last serial"), default=0)

    class Meta:
        verbose_name = _("number sequence")
        verbose_name_plural = _("number sequences")
        constraints = [
            models.UniqueConstraint(fields=["rule", "year"], name="numbering_one_sequence_per_year")
        ]

    def __str__(self):
        return f"{self.rule.prefix}〔{self.year}〕{self.last_serial}号"
