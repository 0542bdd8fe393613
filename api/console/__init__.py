"""The KCC console signs in through the hub: a one-time code, exchanged for a staff token."""
