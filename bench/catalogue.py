"""A synthetic but realistic product catalogue as `hub-import/1` data.

Deterministic: page n is the same in every run, so the benchmark can address pages by path
without asking the database, and a cached database matches the code that made it.
"""

import random

# Bump when the generated content changes: cached databases carry it in their file name.
VERSION = 1
SITE = "deventer"
PER_GROUP = 100  # products per /producten/groep-NNN/ section, as a large catalogue would be split

SITES = [
    {
        "key": "deventer",
        "name": "Gemeente Deventer",
        "hostname": "localhost",
        "is_default": True,
        "frontend_url": "http://localhost:8001",
        "theme": {"primary_color": "#9b1b30", "logo_text": "Gemeente Deventer"},
        "menu": [{"title": "Producten en diensten", "path": "/producten/"}],
    },
    {
        "key": "verkeer",
        "name": "Deventer Bereikbaar",
        "hostname": "verkeer.localhost",
        "frontend_url": "http://localhost:8002",
        "theme": {"primary_color": "#00576b"},
    },
]

PRODUCTS = [
    ("Paspoort", "paspoort"),
    ("Identiteitskaart", "identiteitskaart"),
    ("Rijbewijs", "rijbewijs"),
    ("Parkeervergunning voor bewoners", "parkeervergunning"),
    ("Gehandicaptenparkeerkaart", "gehandicaptenparkeerkaart"),
    ("Verhuizing doorgeven", "verhuizing"),
    ("Uittreksel Basisregistratie Personen", "uittreksel BRP"),
    ("Omgevingsvergunning", "omgevingsvergunning"),
    ("Kapvergunning", "kapvergunning"),
    ("Evenementenvergunning", "evenementenvergunning"),
    ("Grofvuil laten ophalen", "grofvuil"),
    ("Afvalpas", "afvalpas"),
    ("Bijzondere bijstand", "bijzondere bijstand"),
    ("Kwijtschelding gemeentelijke belastingen", "kwijtschelding"),
    ("Huwelijk of partnerschap", "huwelijk"),
    ("Geboorteaangifte", "geboorteaangifte"),
    ("Naturalisatie", "naturalisatie"),
    ("Terrasvergunning", "terrasvergunning"),
    ("Standplaatsvergunning", "standplaatsvergunning"),
    ("Melding openbare ruimte", "melding openbare ruimte"),
    ("Hondenbelasting", "hondenbelasting"),
    ("Wmo-voorziening", "wmo"),
    ("Leerlingenvervoer", "leerlingenvervoer"),
    ("Ontheffing geluid", "ontheffing"),
]

KEYWORDS = [
    ("paspoort", ["reisdocument"], ["pasport"]),
    ("identiteitskaart", ["id-kaart", "ID"], ["identiteitkaart"]),
    ("rijbewijs", ["rijvaardigheid"], ["rijbewys"]),
    ("parkeren", ["parkeervergunning", "auto parkeren"], ["parkeeren"]),
    ("verhuizen", ["adreswijziging", "nieuw adres"], []),
    ("afval", ["vuilnis", "grofvuil", "container"], ["afvaal"]),
    ("bouwen", ["verbouwen", "aanbouw", "dakkapel"], []),
    ("bomen", ["kappen", "boom"], []),
    ("evenement", ["feest", "festival", "braderie"], []),
    ("geld", ["bijstand", "uitkering", "schulden"], []),
    ("belasting", ["ozb", "heffing", "aanslag"], ["belastingen"]),
    ("trouwen", ["huwelijk", "partnerschap"], ["trouwe"]),
    ("geboorte", ["baby", "kind aangeven"], []),
    ("zorg", ["wmo", "hulp thuis", "mantelzorg"], []),
    ("ondernemen", ["bedrijf", "onderneming", "horeca"], []),
    ("vergunning", ["ontheffing", "toestemming"], ["vergunnig"]),
    ("melding", ["klacht", "storing", "kapotte lantaarnpaal"], []),
    ("hond", ["huisdier", "hondenbelasting"], []),
    ("school", ["onderwijs", "leerling"], []),
    ("reizen", ["buitenland", "vakantie"], []),
    ("burgerzaken", ["balie", "stadskantoor"], []),
    ("digid", ["inloggen", "machtigen"], ["digi-d"]),
    ("bezwaar", ["beroep", "klacht over besluit"], []),
    ("kosten", ["tarieven", "leges", "prijs"], []),
]

SENTENCES = [
    "U vraagt dit aan bij de gemeente waar u staat ingeschreven.",
    "Maak eerst een afspraak via de website of bel 14 0570.",
    "Neem een geldig identiteitsbewijs mee naar de afspraak.",
    "Bent u jonger dan 18 jaar? Dan heeft u toestemming van uw ouders nodig.",
    "De aanvraag kost ongeveer 10 minuten.",
    "U krijgt binnen 8 weken een besluit van ons.",
    "Wij sturen u een brief met daarin ons besluit.",
    "Heeft u vragen? Bel ons op werkdagen tussen 8.30 en 17.00 uur.",
    "U kunt ook langskomen bij het stadskantoor aan het Stadhuisplein.",
    "Betaal met uw pinpas. Contant betalen kan niet.",
    "Woont u in het buitenland? Lees dan eerst de extra regels.",
    "Soms hebben wij meer informatie van u nodig.",
    "Dan nemen wij contact met u op.",
    "Is uw aanvraag niet compleet? Dan stoppen wij de behandeling tijdelijk.",
    "U kunt uw aanvraag ook online regelen met DigiD.",
    "Heeft u geen DigiD? Vraag die dan eerst aan.",
    "Uw gegevens gebruiken wij alleen voor deze aanvraag.",
    "Het ophalen kan alleen op afspraak.",
    "Let op: in de zomer is het vaak druk.",
    "Vraag het daarom op tijd aan.",
    "U krijgt een bevestiging per e-mail.",
    "Controleer of uw gegevens goed zijn.",
    "Wilt u iemand anders machtigen? Vul dan het machtigingsformulier in.",
    "De gemeente kan de vergunning weigeren als u niet aan de regels voldoet.",
    "Bent u het niet eens met ons besluit? Dan kunt u bezwaar maken.",
    "Dat moet binnen 6 weken na de datum van het besluit.",
    "Ondernemers regelen dit via het Ondernemersloket.",
    "Voor inwoners met een laag inkomen is er een korting.",
    "Wij helpen u graag als u er zelf niet uitkomt.",
    "Heeft u een beperking? Dan kunnen wij u extra helpen.",
]

STEPS = [
    "Maak een afspraak.",
    "Vul het formulier in.",
    "Log in met DigiD.",
    "Voeg de gevraagde bewijsstukken toe.",
    "Betaal de kosten.",
    "Kom naar het stadskantoor.",
    "Wacht op ons besluit.",
    "Haal uw document op.",
    "Controleer de gegevens in de brief.",
]

QUESTIONS = [
    ("Hoe lang duurt het?", "Meestal 5 werkdagen. In de zomer kan het langer duren."),
    ("Kan ik iemand anders sturen?", "Ja, met een machtiging en een kopie van uw identiteitsbewijs."),
    ("Wat als ik mijn afspraak mis?", "Maak dan een nieuwe afspraak. De kosten krijgt u niet terug."),
    ("Kan ik het ook online regelen?", "Ja, als u DigiD heeft. Anders komt u naar het stadskantoor."),
    ("Moet ik zelf langskomen?", "Ja, wij moeten u zien en uw vingerafdrukken nemen."),
    ("Wat kost het voor kinderen?", "Voor kinderen onder de 18 jaar is het goedkoper."),
    ("Kan ik met contant geld betalen?", "Nee, u betaalt met uw pinpas."),
]

COSTS = [
    "Aanvraag",
    "Spoedlevering",
    "Bezorgen aan huis",
    "Toeslag voor aanvragen buiten de gemeente",
    "Legeskosten",
    "Verlenging",
]

FRAGMENTS = [
    (
        "bench-contact",
        "Contact met de gemeente",
        [
            {"type": "text", "value": "Bel ons op **14 0570**. Wij zijn er op werkdagen van 8.30 tot 17.00 uur."},
            {"type": "kcc_script", "value": "Vraag of de inwoner nog een andere vraag heeft."},
            {
                "type": "link_list",
                "value": [
                    {"title": "Stel uw vraag online", "url": "https://www.deventer.nl/contact"},
                    {"title": "Paspoort aanvragen", "page": "bench-product-00000"},
                ],
            },
        ],
    ),
    (
        "bench-bezwaar",
        "Bezwaar maken",
        [
            {"type": "text", "value": "Bent u het niet eens met een besluit? Maak dan binnen 6 weken bezwaar."},
            {"type": "steps", "value": ["Schrijf een brief of vul het formulier in.", "Zet uw handtekening."]},
        ],
    ),
    (
        "bench-openingstijden",
        "Openingstijden stadskantoor",
        [{"type": "text", "value": "Het stadskantoor is open van maandag tot en met vrijdag, van 8.30 tot 17.00 uur."}],
    ),
]


def ref(n: int) -> str:
    return f"bench-product-{n:05d}"


def slug(n: int) -> str:
    return f"product-{n:05d}"


def parent(n: int) -> str:
    return f"/producten/groep-{n // PER_GROUP:03d}/"


def path(n: int) -> str:
    """Path of product n within its site."""
    return f"{parent(n)}{slug(n)}/"


def _prose(rng: random.Random, sentences: int) -> str:
    return " ".join(rng.sample(SENTENCES, sentences))


def _markdown(rng: random.Random) -> str:
    paragraphs = [_prose(rng, rng.randint(2, 4)) for _ in range(rng.randint(1, 3))]
    if rng.random() < 0.5:
        paragraphs.append("\n".join(f"- {s}" for s in rng.sample(SENTENCES, 3)))
    if rng.random() < 0.5:
        paragraphs[0] = "**Let op:** " + paragraphs[0]
    return "\n\n".join(paragraphs)


def _links(rng: random.Random, n: int) -> list[dict]:
    # Only pages that exist already (lower numbers): the importer resolves refs as it goes.
    links = [{"title": "Meer informatie", "url": f"https://www.deventer.nl/info/{n}"}]
    for _ in range(min(n, rng.randint(2, 4))):
        other = rng.randrange(n)
        links.insert(0, {"title": f"{PRODUCTS[other % len(PRODUCTS)][0]} {other}", "page": ref(other)})
    return links


def product(n: int) -> dict:
    rng = random.Random(n)
    name, upl = PRODUCTS[n % len(PRODUCTS)]
    blocks = [
        {"section": "inleiding", "type": "text", "value": _markdown(rng)},
        {"section": "aanvraag", "type": "steps", "value": rng.sample(STEPS, rng.randint(3, 6))},
        {"section": "aanvraag", "type": "text", "value": _markdown(rng)},
        {"section": "voorwaarden", "type": "text", "value": _markdown(rng)},
        {
            "section": "kosten",
            "type": "cost_table",
            "value": [
                {"description": d, "amount": f"{rng.randint(5, 150)}.{rng.choice(['00', '50', '75', '95'])}"}
                for d in rng.sample(COSTS, rng.randint(2, 4))
            ],
        },
        {"section": "termijn", "type": "text", "value": _prose(rng, 2)},
        {"section": "bezwaar", "type": "fragment", "value": "bench-bezwaar"},
        {
            "section": "bijzonderheden",
            "type": "faq",
            "value": [{"question": q, "answer": a} for q, a in rng.sample(QUESTIONS, rng.randint(3, 5))],
        },
        {"section": "bijzonderheden", "type": "kcc_script", "value": "Vraag naar het burgerservicenummer."},
        {"section": "contact", "type": "link_list", "value": _links(rng, n)},
        {"section": "contact", "type": "fragment", "value": rng.choice(["bench-contact", "bench-openingstijden"])},
    ]
    if rng.random() < 0.3:
        blocks.insert(
            1, {"section": "inleiding", "type": "notice", "value": {"level": "warning", "text": _prose(rng, 1)}}
        )
    if n == 0:
        blocks = [b for b in blocks if b["type"] != "link_list"]
    return {
        "ref": ref(n),
        "type": "product",
        "site": SITE,
        "parent": parent(n),
        "title": f"{name} {n}",
        "slug": slug(n),
        "summary": _prose(rng, 2)[:160],
        "keywords": [k[0] for k in rng.sample(KEYWORDS, rng.randint(3, 6))],
        "also_on": ["verkeer"] if n % 10 == 0 else [],
        "upl_name": upl,
        "doelgroep": ["burger"] if n % 4 else ["burger", "bedrijf"],
        "themes": ["Burgerzaken", "Wonen"][: 1 + n % 2],
        "owner": "Team Dienstverlening",
        "actions": [{"label": f"{name} regelen", "url": f"https://www.deventer.nl/regelen/{n}", "digid": True}],
        "blocks": blocks,
    }


def setup_data() -> dict:
    """Sites, keywords and fragments; fragments link to product 0, so they follow the first chunk."""
    return {
        "format": "hub-import/1",
        "sites": SITES,
        "keywords": [{"term": t, "synonyms": s, "variants": v} for t, s, v in KEYWORDS],
    }


def fragments_data() -> dict:
    return {
        "format": "hub-import/1",
        "fragments": [{"ref": r, "title": t, "blocks": b} for r, t, b in FRAGMENTS],
    }


def items_data(start: int, stop: int) -> dict:
    return {"format": "hub-import/1", "items": [product(n) for n in range(start, stop)]}
