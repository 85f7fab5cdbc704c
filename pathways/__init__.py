"""The remedy guide ("Vodič kroz pravna sredstva"): legal knowledge as reviewed data.

Which general remedies apply to a trafficking victim's situation (a property claim in the
criminal proceedings, a civil action, a labour claim, confiscated proceeds, free legal
aid, protection, residence, ...), as pathways of ordered steps, each grounded in quoted,
verified provisions. See pathways/README.md for the routes and GRETA's topics.

    pathways.load      the data files -> Pathway records (validated)
    pathways.triggers  triggers.json -> the compiled trigger table
    pathways.facts     a client's story -> the facts that matter, with the words that said so
    pathways.select    facts + what is asked -> the pathways that apply, most relevant first
    pathways.config    select's weights and the most pathways an answer gets (SelectConfig)
    pathways.resolve   a pathway's citations -> chunks of an index, quotes verified

No UI here, and no ranking of search results (retrieval uses `select`'s output).
"""
