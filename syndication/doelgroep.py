"""The one rule for the national product catalogues (SDG and KISS kennisartikelen): a product
for residents and businesses ("beide") is delivered as two products, one per EU doelgroep."""

PRODUCT_DOELGROEPEN = {"burger": ("eu-burger",), "bedrijf": ("eu-bedrijf",), "beide": ("eu-burger", "eu-bedrijf")}
