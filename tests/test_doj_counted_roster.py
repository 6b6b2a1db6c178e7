"""A release that states how many defendants there are and then names them only by their roles
(invented names): 'an indictment against four defendants ... X was the organization's leader; the
sellers were A, B and C' — when the count and the names agree exactly, each named person is a
defendant at the stage said next to the count; when they do not agree, nobody is added."""
from __future__ import annotations

from dojfix import defendants

BODY = ("<p>HATO REY – A federal grand jury returned an indictment against {count} defendants charged with conspiracy"
        " to distribute fentanyl and cocaine near a public housing project, announced U.S. Attorney Marisa Quiñones-Font."
        "</p><p>Rolando E. Vega-Morales, a/k/a “Lolo,” led the drug trafficking organization. Enforcers Gilberto"
        " Rosa-Pérez and Iván T. Colón-Ruiz carried firearms. The sellers were Noemí Batista-Cruz and Héctor L."
        " Soto-Nieves.{extra}</p><p>Assistant U.S. Attorney Camila Reyes-Ortega is prosecuting the case.</p>")


def run(count: str, extra: str = "") -> dict:
    return defendants(BODY.format(count=count, extra=extra), "Defendants Indicted for Drug Trafficking", "usao-pr",
                      "USAO - Puerto Rico", ("action",))


def test_as_many_names_as_the_stated_count_are_the_defendants():
    assert run("five") == {"Rolando E. Vega-Morales": ("charged",), "Gilberto Rosa-Pérez": ("charged",),
                           "Iván T. Colón-Ruiz": ("charged",), "Noemí Batista-Cruz": ("charged",),
                           "Héctor L. Soto-Nieves": ("charged",)}


def test_a_count_that_does_not_match_the_names_adds_nobody():
    assert run("six") == {}
    assert run("five", " The case was referred by Lorenzo Ibáñez-Vidal.") == {}
