from django.contrib.auth.decorators import login_required, permission_required
from django.shortcuts import render

from fazhi.core.tests.petitions import selectors
from fazhi.core.tests.petitions.workflow import PETITION
from fazhi.timelimits.selectors import deadlines_for


@login_required
@permission_required("petitions.view_petition", raise_exception=True)
def petition_list(request):
    return render(
        request, "petitions/petition_list.html", {"page": selectors.petitions_for(request.user)}
    )


@login_required
@permission_required("petitions.view_petition", raise_exception=True)
def petition_detail(request, pk):
    petition = selectors.get_petition_for_user(request.user, pk)
    context = {
        "petition": petition,
        "deadlines": deadlines_for(petition),
        "steps": PETITION.offered(request, petition),
    }
    return render(request, "petitions/petition_detail.html", context)
