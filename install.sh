#!/usr/bin/env bash
# Installs smainer from this release tarball on a Debian/Ubuntu server (run as root):
#   /opt/smainer (bin, lib, docs), system users, /etc/smainer, /var/lib/smainer, systemd units,
#   then runs `smainer doctor`. Safe to re-run for an upgrade: config, keys and state are kept.
set -euo pipefail
[ "$(id -u)" -eq 0 ] || { echo "install.sh: run as root (sudo ./install.sh)" >&2; exit 77; }
src=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
prefix=${SMAINER_PREFIX:-/opt/smainer}

if ! command -v java >/dev/null 2>&1 || [ "$(java -version 2>&1 | sed -n '1s/.*version "\([0-9]*\).*/\1/p')" -lt 17 ]; then
  echo "install.sh: Java 17+ is required: apt-get install -y openjdk-17-jre-headless" >&2
  exit 69
fi

echo "==> installing to $prefix"
install -d -m 0755 "$prefix"
cp -a "$src/bin" "$src/lib" "$src/docs" "$prefix/"
[ -d "$src/systemd" ] && cp -a "$src/systemd" "$prefix/"
chmod 0755 "$prefix"/bin/*
[ ! -f "$prefix/lib/smainer-launch" ] || chmod 0755 "$prefix/lib/smainer-launch"
ln -sf "$prefix/bin/smainer" /usr/local/bin/smainer

echo "==> users and directories"
install -m 0644 "$src/systemd/smainer.sysusers.conf" /usr/lib/sysusers.d/smainer.conf
install -m 0644 "$src/systemd/smainer.tmpfiles.conf" /usr/lib/tmpfiles.d/smainer.conf
if command -v systemd-sysusers >/dev/null 2>&1; then
  systemd-sysusers /usr/lib/sysusers.d/smainer.conf
else
  for u in smainer smainer-task smainer-relayer; do
    id "$u" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$u"
  done
fi
if command -v systemd-tmpfiles >/dev/null 2>&1; then
  systemd-tmpfiles --create /usr/lib/tmpfiles.d/smainer.conf
else
  install -d -m 0750 -o root -g smainer /etc/smainer
  install -d -m 0700 -o smainer -g smainer /var/lib/smainer
fi
[ -f /etc/smainer/provider.toml ] || install -m 0640 -o root -g smainer "$src/etc/provider.toml.example" /etc/smainer/provider.toml

if [ -d /run/systemd/system ]; then
  echo "==> systemd units"
  install -m 0644 "$src/systemd/smainer-provider.service" /etc/systemd/system/
  install -m 0644 "$src/systemd/smainer-relayer-lite.service" /etc/systemd/system/
  systemctl daemon-reload
fi

cat <<NEXT
==> installed. Next:
  sudo smainer wallet create                       # key in /etc/smainer/keystore.json (0600)
  sudo sh -c 'umask 077; cat > /etc/smainer/keystore-passphrase'   # the passphrase, for systemd
  sudo smainer register --relayer wss://<relayer> --rpc https://<starknet rpc>
  sudo systemctl enable --now smainer-provider
  smainer status
NEXT
echo "==> smainer doctor"
SMAINER_HOME=/etc/smainer "$prefix/bin/smainer" doctor || echo "(doctor reported problems above: fix them before starting the service)"
