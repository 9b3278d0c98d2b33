#!/bin/sh
echo "hello from the app on port ${ASPNETCORE_HTTP_PORTS}"
