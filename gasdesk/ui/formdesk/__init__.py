"""The pages of the Business forms tab: new form, open forms, complaints, outages,
appointments and return visits."""
