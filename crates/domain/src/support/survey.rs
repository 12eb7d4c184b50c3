//! The support-needs survey: the county asks its municipalities, per sector, what support they need.
