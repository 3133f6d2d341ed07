"""Friendly random public names, so nobody has to show their real name."""

import secrets

ANIMALS = [
    "Möwe",
    "Seehund",
    "Kormoran",
    "Austernfischer",
    "Schweinswal",
    "Kranich",
    "Eisvogel",
    "Seestern",
    "Hering",
    "Fischotter",
    "Reiher",
    "Lachmöwe",
    "Eiderente",
    "Seeadler",
    "Strandläufer",
    "Kiebitz",
]


def random_pseudonym():
    return f"{secrets.choice(ANIMALS)} {secrets.randbelow(9000) + 1000}"


def unique_pseudonym(is_taken, attempts=20):
    """A pseudonym for which `is_taken(name)` is false; longer numbers if the short ones run out."""
    for _attempt in range(attempts):
        name = random_pseudonym()
        if not is_taken(name):
            return name
    return f"{secrets.choice(ANIMALS)} {secrets.token_hex(4)}"
