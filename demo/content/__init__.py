"""The demo content itself, one module per kind, in the order the builder creates it.

Everything here is written from the seed documents in ``shared/seeds`` (two news reports and a
concept note) in our own words; dates, places, figures and names are kept as the seeds give
them. City facts other than those (populations, memberships, funding) are approximate demo
values: the city pages are flagged ``is_demo``. The one verbatim sentence is the quotation in
``news``, which may not be reworded.
"""
