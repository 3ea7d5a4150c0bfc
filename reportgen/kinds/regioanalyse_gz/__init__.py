"""The Regioanalyse GZ: the larger yearly analysis of disability care (GZ) per region."""
