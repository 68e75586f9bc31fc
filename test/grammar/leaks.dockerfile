FROM alpine
RUN echo "this quote is never closed
FROM alpine AS next
RUN set -e; \
    echo "a quote spanning a continuation \
    still inside"; \
    rm -rf /tmp/x
CMD echo "unclosed
EXPOSE 80
