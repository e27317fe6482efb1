"""French translations: a few snippets and pages, enough to show locale fallback in the API.

Wagtail copies the English object (``copy_for_translation``) and the builder writes these fields
over the copy. Everything not listed stays as copied, and whatever is not translated at all (most
conferences, most snippets) is served in English by the API's fallback. Relations of a French
copy (cities, partnerships, organisations, links in rich text) point to French versions where
those exist. The quotation stays in its original English wording: it may not be altered.
"""

from demo.spec import (
    PageTranslationSpec,
    SnippetTranslationSpec,
    heading,
    image,
    key_figure,
    link,
    links,
    page_link,
    paragraph,
    quote,
)

LANGUAGE = "fr"

SNIPPETS: tuple[SnippetTranslationSpec, ...] = (
    SnippetTranslationSpec("organisation", "EC", {"name": "Commission européenne"}),
    SnippetTranslationSpec("organisation", "DG INTPA", {"name": "Direction générale des partenariats internationaux"}),
    SnippetTranslationSpec(
        "partnership",
        "eu4culture",
        {
            "description": (
                "Projet financé par l'UE qui soutient le secteur culturel et créatif des pays du "
                "Partenariat oriental, en particulier dans les villes qui ne sont pas des capitales. "
                "Il est mis en œuvre par le Goethe-Institut, chef de file, avec l'Institut français de "
                "Géorgie, l'Institut culturel danois et les Centres tchèques."
            )
        },
    ),
    SnippetTranslationSpec(
        "partnership",
        "eu4culture-cities-network",
        {
            "name": "Réseau des villes EU4Culture",
            "description": (
                "Créé par EU4Culture pour les 14 villes non capitales d'Arménie, d'Azerbaïdjan, de "
                "Géorgie, de la République de Moldavie et d'Ukraine qui ont élaboré une stratégie de "
                "développement culturel avec le projet. Les membres y partagent leur expérience et "
                "préparent des actions culturelles communes."
            ),
        },
    ),
    SnippetTranslationSpec(
        "partnership",
        "partnerships-for-sustainable-cities",
        {
            "name": "Partenariats pour des villes durables",
            "description": (
                "Programme de coopération décentralisée que l'UE, par la DG INTPA, a décidé de "
                "soutenir en 2018. Il associe des collectivités locales d'États membres de l'UE et de "
                "pays partenaires autour de défis urbains communs ; 57 partenariats de ville à ville "
                "ont été lancés."
            ),
        },
    ),
)

PAGES: tuple[PageTranslationSpec, ...] = (
    PageTranslationSpec(
        "",
        {
            "title": "Citynews",
            "intro": (
                "<p>Actualités, rencontres et portraits de villes des partenariats qui relient des "
                "villes européennes à des villes de pays partenaires.</p>"
            ),
        },
    ),
    PageTranslationSpec(
        "news",
        {
            "title": "Actualités",
            "intro": "<p>Comptes rendus de réunions, de conférences de réseau et d'étapes des programmes.</p>",
        },
    ),
    PageTranslationSpec(
        "conferences",
        {
            "title": "Conférences",
            "intro": "<p>Rencontres mondiales, conférences de réseau et réunions de partenariat.</p>",
        },
    ),
    PageTranslationSpec(
        "cities",
        {"title": "Villes", "intro": "<p>Portraits des villes qui participent aux programmes.</p>"},
    ),
    PageTranslationSpec(
        "cities/kutaisi",
        {
            "title": "Koutaïssi",
            "summary": (
                "Ville non capitale de Géorgie, membre du Réseau des villes EU4Culture et, dans cette "
                "démonstration, l'une des villes lauréates."
            ),
            "body": [
                heading("Dans le Réseau des villes EU4Culture"),
                paragraph(
                    "<p>Principale ville de la région d'Iméréthie, dans l'ouest de la Géorgie, "
                    "Koutaïssi a accueilli les 6 et 7 octobre 2022 la 2e conférence régionale du "
                    "réseau EU4Culture : maires, représentants des villes, partenaires du projet et "
                    "experts internationaux y ont préparé leur coopération culturelle.</p>"
                ),
                key_figure("300 000 EUR", "subvention EU4Culture maximale par ville lauréate"),
                paragraph(
                    "<p><i>Profil de démonstration : la population est arrondie, les adhésions et "
                    "financements sont indicatifs et non vérifiés.</i></p>"
                ),
            ],
        },
    ),
    PageTranslationSpec(
        "cities/barcelona",
        {
            "title": "Barcelone",
            "summary": (
                "Capitale de la Catalogne, où l'Aire métropolitaine de Barcelone a coorganisé en mars "
                "2024 la deuxième rencontre mondiale des Partenariats pour des villes durables."
            ),
            "body": [
                heading("Ville hôte de la deuxième rencontre mondiale"),
                paragraph(
                    "<p>Du 12 au 14 mars 2024, Barcelone a reçu les partenariats de ville à ville du "
                    "programme pour leur deuxième et dernière rencontre mondiale, préparée avec "
                    "l'Aire métropolitaine de Barcelone (AMB).</p>"
                ),
                image("hero-global-meeting-barcelona", caption="La deuxième rencontre mondiale à Barcelone."),
                paragraph("<p><i>Profil de démonstration : les chiffres sont arrondis et non vérifiés.</i></p>"),
            ],
        },
    ),
    PageTranslationSpec(
        "news/kutaisi-hosts-eu4culture-regional-network-conference",
        {
            "title": "Koutaïssi accueille la 2e conférence régionale du réseau EU4Culture",
            "standfirst": (
                "Les 6 et 7 octobre 2022, Koutaïssi, en Géorgie, a reçu les 14 villes non capitales du "
                "Réseau des villes EU4Culture, venues de cinq pays du Partenariat oriental pour "
                "renforcer leur coopération culturelle."
            ),
            "hero_caption": "Koutaïssi a accueilli la deuxième conférence régionale du réseau.",
            "body": [
                paragraph(
                    "<p>Le projet EU4Culture, financé par l'UE, a tenu sa 2e conférence régionale du "
                    "réseau à "
                    + page_link("cities/kutaisi", "Koutaïssi")
                    + " les 6 et 7 octobre 2022. Elle devait aider les 14 villes non capitales de cinq "
                    "pays du Partenariat oriental, dotées d'une stratégie de développement culturel, à "
                    "travailler ensemble.</p>"
                ),
                heading("Mettre les villes en réseau"),
                paragraph(
                    "<p>Sessions de mise en réseau et tables rondes ont montré aux maires, aux "
                    "représentants des villes, aux partenaires et aux experts ce que la coopération "
                    "culturelle régionale peut apporter, et les ont incités à repérer des intérêts "
                    "communs et à préparer des activités conjointes. Les villes lauréates, qui "
                    "reçoivent jusqu'à 300 000 EUR de l'UE pour mettre en œuvre leur stratégie, l'ont "
                    "présentée.</p>"
                ),
                key_figure("14", "villes dans le réseau"),
                quote(
                    "EU4Culture Cities Network is a unique cooperation platform for the cities to share "
                    "experiences and generate new ideas that will enable them to develop joint cultural "
                    "partnerships.",
                    attribution="Christophe Masson",
                    role="Chef d'équipe Sociétés inclusives, direction générale du voisinage et des "
                    "négociations d'élargissement (DG NEAR), Commission européenne",
                ),
                links(
                    [
                        link("Le portrait de Koutaïssi", page="cities/kutaisi"),
                        link(
                            "Le programme de la conférence",
                            page="conferences/eu4culture-2nd-regional-network-conference",
                        ),
                    ],
                    heading_text="En savoir plus",
                ),
            ],
        },
    ),
    PageTranslationSpec(
        "news/barcelona-to-host-second-global-meeting",
        {
            "title": "Barcelone accueillera la deuxième rencontre mondiale des Partenariats pour des villes durables",
            "standfirst": (
                "Les partenariats de ville à ville du programme se retrouveront à Barcelone du 12 au 14 "
                "mars 2024 pour dresser le bilan de leurs résultats, s'informer des politiques de l'UE et "
                "préparer des recommandations."
            ),
            "body": [
                paragraph(
                    "<p>La deuxième et dernière rencontre mondiale du programme aura lieu à "
                    + page_link("cities/barcelona", "Barcelone")
                    + " du 12 au 14 mars 2024, avec l'Aire métropolitaine de Barcelone (AMB). Pour "
                    "beaucoup de partenariats, 2024 est la dernière année de mise en œuvre.</p>"
                ),
                key_figure("57", "partenariats de ville à ville lancés par le programme"),
                links(
                    [
                        link(
                            "Le programme de la rencontre",
                            page="conferences/second-global-meeting-partnerships-for-sustainable-cities",
                        )
                    ],
                    heading_text="En savoir plus",
                ),
            ],
        },
    ),
)
