"""Running newsclean on existing engines: Dask (`newsclean.integrations.dask`), datatrove
(`newsclean.integrations.datatrove`) and Hugging Face datasets
(`newsclean.integrations.hf_datasets`).

Each module needs its extra (`pip install newsclean[dask]`, `[datatrove]`, `[datasets]`);
this package itself imports none of them, so `import newsclean.integrations` is cheap.
"""
