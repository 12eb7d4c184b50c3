//! The yearly HYTE negotiation (*hyte-neuvottelu*) between the county and each of its municipalities.
