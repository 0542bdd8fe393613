"""Time the B1 analysis on a 500-word Dutch text. No database needed.

    .venv/bin/python bench/b1_bench.py [--runs 200] [--json out.json]

Prints p50/p95/max in milliseconds after a warm-up (word lookups cached, data files loaded).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quality.b1.analysis import analyze_text  # noqa: E402
from quality.b1.glossary import Glossary  # noqa: E402

PARAGRAPHS = [
    "Wilt u een nieuw paspoort of een nieuwe ID-kaart? Maak dan eerst een afspraak. Dat kan online of "
    "met de telefoon. Kom op tijd naar het gemeentehuis. Neem uw oude paspoort of ID-kaart mee. Neem ook "
    "een goede pasfoto mee. De foto mag niet ouder zijn dan zes maanden.",
    "Indien u uw oude document niet meer heeft, dient u dit te melden bij de balie. Wij vragen u dan om "
    "een formulier in te vullen. Uw aanvraag wordt binnen vijf werkdagen in behandeling genomen. Daarna "
    "krijgt u een sms of een e-mail. U kunt uw paspoort dan ophalen. Neem uw BSN mee, bijv. op een brief "
    "van de Belastingdienst.",
    "Een paspoort voor volwassenen kost € 84,30. Een ID-kaart kost € 77,80. U betaalt met uw pinpas. "
    "Contant betalen kan niet. Voor kinderen onder de 18 jaar betaalt u minder. Kijk voor de prijzen op "
    "onze website.",
    "Woont u in het buitenland? Dan kunt u een paspoort aanvragen bij de ambassade. Het kan ook bij een "
    "paar gemeenten in Nederland. Deventer is daar niet bij. In het kader van de veiligheid controleren "
    "wij altijd wie u bent. Wij nemen daarom een vingerafdruk. Dat doen wij met een apparaat aan de balie. "
    "Het duurt maar een paar minuten.",
    "Bent u uw paspoort kwijt? Of is het gestolen? Doe dan eerst aangifte bij de politie. Dat kan "
    "online. Neem het bewijs van de aangifte mee naar de balie. Zonder dit bewijs kunnen wij geen nieuw "
    "paspoort voor u maken. Een paspoort dat als gestolen is gemeld, kunt u niet meer gebruiken. Ook niet "
    "als u het later terugvindt.",
    "Heeft u hulp nodig bij het aanvragen? Neem dan iemand mee die u vertrouwt. U kunt ook bellen met het "
    "KCC. Wij helpen u graag. Op maandag tot en met vrijdag zijn wij bereikbaar van 8.30 tot 17.00 uur. "
    "Op donderdag is het gemeentehuis ook 's avonds open, tot 20.00 uur.",
    "Gaat u op reis? Kijk dan goed hoe lang uw paspoort nog geldig is. Sommige landen willen dat uw "
    "paspoort nog zes maanden geldig is als u het land verlaat. Vraag een nieuw paspoort dus op tijd aan. "
    "Een paspoort maken duurt ongeveer een week. In de zomer kan het langer duren, omdat dan veel mensen "
    "op reis gaan.",
    "Heeft u haast? Dan kunt u een spoedaanvraag doen. U betaalt dan extra kosten. Uw paspoort is dan de "
    "volgende werkdag klaar. U haalt het zelf op aan de balie in het gemeentehuis. Neem dan wel een "
    "geldig bewijs mee dat u het bent. Een rijbewijs is ook goed.",
    "Kinderen hebben een eigen paspoort of ID-kaart nodig. Ze kunnen niet meer bij hun ouders in het "
    "paspoort staan. Beide ouders moeten toestemming geven voor een paspoort voor een kind. Dat doet u "
    "met een formulier. Neemt u het kind mee naar de afspraak? Dat is verplicht, ook voor een baby. Wij "
    "maken dan een foto en nemen de lengte op.",
    "Wij bewaren uw gegevens veilig. Wij geven ze niet zomaar aan anderen. Wilt u weten welke gegevens "
    "wij van u hebben? Vraag dan een overzicht aan. Dat is gratis. U krijgt het overzicht binnen vier "
    "weken thuis.",
]
TEXT = "\n\n".join(PARAGRAPHS)


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def run(runs: int) -> dict:
    glossary = Glossary.from_data_files()
    started = time.perf_counter()
    report = analyze_text(TEXT, glossary=glossary)
    cold_ms = (time.perf_counter() - started) * 1000
    for _ in range(10):
        analyze_text(TEXT, glossary=glossary)
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        analyze_text(TEXT, glossary=glossary)
        timings.append((time.perf_counter() - started) * 1000)
    return {
        "words": report["stats"]["words"],
        "sentences": report["stats"]["sentences"],
        "issues": len(report["issues"]),
        "score": report["score"],
        "runs": runs,
        "cold_ms": round(cold_ms, 2),
        "p50_ms": round(statistics.median(timings), 2),
        "p95_ms": round(_percentile(timings, 0.95), 2),
        "max_ms": round(max(timings), 2),
        "target_ms": 50,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--json", dest="json_path", help="also write the results to this JSON file")
    args = parser.parse_args()
    result = run(args.runs)
    print(f"B1 analysis of a {result['words']}-word text ({result['sentences']} sentences, {result['issues']} issues)")
    print(f"{'measure':<10}{'ms':>10}")
    for key in ("cold_ms", "p50_ms", "p95_ms", "max_ms", "target_ms"):
        print(f"{key.removesuffix('_ms'):<10}{result[key]:>10.2f}")
    if args.json_path:
        Path(args.json_path).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
