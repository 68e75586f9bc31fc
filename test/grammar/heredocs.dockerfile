FROM python:3.12-slim
RUN <<EOF
apt-get update
make
EOF
RUN <<'PY'
#!/usr/bin/env python3
from os import environ
print(environ)
PY
RUN python3 <<EOT
import sys
EOT
COPY <<EOF /etc/app.conf
listen 8080
EOF
COPY <<-EOF /usr/local/bin/start
	#!/bin/sh
	echo "starting"
	EOF
RUN <<JS
#!/usr/bin/env node
const fs = require('fs')
JS
CMD ["python3"]
