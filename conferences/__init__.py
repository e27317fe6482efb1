"""Conference pages: meetings with dates, a host city, objectives, an agenda and site visits."""
