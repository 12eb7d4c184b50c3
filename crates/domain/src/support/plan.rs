//! The yearly support plan (actions per content area, targets, resources) and the log of support delivered.
