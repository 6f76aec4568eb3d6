"""Scale data for the benchmarks: each line of work registers, in its `synth.py`, the kinds of
synthetic records it writes in bulk (on PostgreSQL, over the demo district). `fazhi synth` has
one option per registered kind (`--disputes N` …) and adds what is missing."""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.module_loading import autodiscover_modules


@dataclass(frozen=True)
class ScaleData:
    option: str  # the command's option: "disputes" → --disputes N
    label: str  # how the command's summary names them: 合成纠纷
    default: int  # how many `fazhi synth` wants when not told
    existing: Callable[[], int]  # how many synthetic records there are already
    add: Callable[[int], object]  # write that many more
    order: int = 100


_scales: dict[str, ScaleData] = {}


def register_scale(*scales: ScaleData) -> None:
    for scale in scales:
        _scales[scale.option] = scale


def all_scales() -> list[ScaleData]:
    autodiscover_modules("synth")
    return sorted(_scales.values(), key=lambda s: (s.order, s.option))
