"""One module per page; views read the request, call a service and render."""
