//! The good-practice library (*hyvät käytännöt*): practices, their evidence and where they are used.
