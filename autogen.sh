#!/bin/sh -e
# Generate the configure script and Makefile.in from a git checkout.
autoreconf -fi
