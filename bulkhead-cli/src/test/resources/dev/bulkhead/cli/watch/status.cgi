#!/bin/sh
# A well-behaved CGI: reports the load and the date.
echo "Content-Type: text/plain"
echo ""
date
cat /proc/loadavg
