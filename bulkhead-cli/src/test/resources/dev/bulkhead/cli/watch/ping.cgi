#!/bin/sh
# A deliberately vulnerable CGI for the runtime watch test: the decoded query string goes through
# eval, so "127.0.0.1;cat /etc/shadow" runs cat (command injection, CWE-78).
echo "Content-Type: text/plain"
echo ""
host=$(httpd -d "${QUERY_STRING:-127.0.0.1}")
eval "ping -c 1 -W 1 $host"
