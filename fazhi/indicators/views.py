from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from fazhi.indicators.selectors import indicator_catalogue


@login_required
def catalogue(request):
    """Every indicator: key, label, definition (口径), measure, module; ratios name their parts."""
    return render(request, "indicators/catalogue.html", {"indicators": indicator_catalogue()})
