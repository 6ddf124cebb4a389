"""Post-training probes of a fine-tuned language model.

Each module measures one kind of risk on a loaded model and returns counts and
statistics, never the text of a training record or a secret: ``privacy``
measures memorisation (the exposure of inserted random canaries after Carlini et
al., "The Secret Sharer", 2019; the rate at which greedy decoding reproduces
training responses verbatim; a loss-based membership-inference AUC). Importing
this package is light (standard library only); torch and transformers are
imported inside the functions that run a model.
"""
