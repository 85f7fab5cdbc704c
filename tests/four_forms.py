"""Test-table rows in the four forms users type a question: Serbian Latin with
diacritics, Serbian Cyrillic, Serbian Latin without diacritics, and English."""
import cyrtranslit
import pytest

_NODIAC = str.maketrans({"č": "c", "ć": "c", "š": "s", "ž": "z", "đ": "dj",
                         "Č": "C", "Ć": "C", "Š": "S", "Ž": "Z", "Đ": "Dj"})


def serbian_forms(latin: str) -> list[tuple[str, str]]:
    """The Latin text, its Cyrillic (by cyrtranslit, the converter core.text uses:
    "FBiH" becomes "ФБиХ" as a user writes it) and its diacritic-free spelling."""
    return [("sr-Latn", latin), ("sr-Cyrl", cyrtranslit.to_cyrillic(latin, "sr")),
            ("sr-nodiac", latin.translate(_NODIAC))]


def four_forms(rows) -> list:
    """pytest params (text, expected) from rows (sr, en, expected) or (sr, sr_expected,
    en, en_expected): the Serbian text in its three forms, then the English one."""
    out = []
    for n, row in enumerate(rows):
        sr, sr_exp, en, en_exp = row if len(row) == 4 else (row[0], row[2], row[1], row[2])
        out += [pytest.param(text, sr_exp, id=f"{n}-{form}") for form, text in serbian_forms(sr)]
        out.append(pytest.param(en, en_exp, id=f"{n}-en"))
    return out
