#!/bin/bash
# SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# A private RabbitMQ node for the amqp tests: a copy of Fedora's /public_pubsub vhost (users,
# permissions, sweeper policy) with a TLS listener that wants client certificates and EXTERNAL
# login, like rabbitmq.fedoraproject.org.
#
#   broker.sh start <dir>      start, wait until ready, write <dir>/broker.env (KEY=VALUE lines)
#   broker.sh stop <dir>       stop the node and its epmd by PID; nothing outlives it
#   broker.sh ctl <dir> ARGS   rabbitmqctl ARGS against the node (same HOME, cookie, ports)
#   broker.sh restart <dir>    stop_app + start_app (drops every connection and transient queue)
#
# <dir> must be an absolute path without white space; it holds everything (home, mnesia, logs,
# PKI). The node never touches /var/lib/rabbitmq, systemd or the default ports.
set -euo pipefail

RABBITMQ_SBIN=${RABBITMQ_SBIN:-$(printf '%s\n' /usr/lib/rabbitmq/lib/rabbitmq_server-*/sbin | sort -V | tail -n1)}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

die() { echo "broker.sh: $*" >&2; exit 1; }

usage() { sed -n '8,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }

now_ms() { date +%s%3N; }

# A free TCP port on 127.0.0.1, different from the ones given as arguments.
free_port() {
    local p used
    used=$(ss -Htanl 2>/dev/null | awk '{print $4}' | sed 's/.*://' | sort -u)
    for _ in $(seq 1 200); do
        p=$((20000 + RANDOM % 40000))
        if ! grep -qx "$p" <<<"$used" && [[ " $* " != *" $p "* ]]; then
            echo "$p"
            return 0
        fi
    done
    die "no free port found"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

load_env() {
    local dir=$1
    [[ -f "$dir/rabbitmq.env" ]] || die "$dir/rabbitmq.env missing: broker not started with this dir?"
    set -a
    # shellcheck disable=SC1091
    . "$dir/rabbitmq.env"
    set +a
}

make_pki() {
    local pki=$1 kind=$2
    case "$kind" in
    server)
        # EC keys on the critical path (milliseconds instead of RSA key generation); the
        # client key, made while the node boots, is RSA-2048 like Fedora's public one.
        openssl req -x509 -new -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 30 \
            -subj "/CN=fedmsg-notify test CA" \
            -keyout "$pki/ca-key.pem" -out "$pki/ca.pem" \
            -addext "basicConstraints=critical,CA:TRUE" \
            -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
        openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj "/CN=localhost" \
            -keyout "$pki/server-key.pem" -out "$pki/server.csr" 2>/dev/null
        printf 'subjectAltName=DNS:localhost\nextendedKeyUsage=serverAuth\nkeyUsage=digitalSignature,keyEncipherment\n' >"$pki/server.ext"
        openssl x509 -req -in "$pki/server.csr" -CA "$pki/ca.pem" -CAkey "$pki/ca-key.pem" \
            -CAcreateserial -days 30 -extfile "$pki/server.ext" -out "$pki/server-cert.pem" 2>/dev/null
        ;;
    client)
        # CN=fedora like Fedora's public client certificate: the broker takes the user from it.
        openssl req -new -newkey rsa:2048 -nodes -subj "/CN=fedora" \
            -keyout "$pki/client-key.pem" -out "$pki/client.csr" 2>/dev/null
        printf 'extendedKeyUsage=clientAuth\nkeyUsage=digitalSignature\n' >"$pki/client.ext"
        openssl x509 -req -in "$pki/client.csr" -CA "$pki/ca.pem" -CAkey "$pki/ca-key.pem" \
            -CAcreateserial -days 30 -extfile "$pki/client.ext" -out "$pki/client-cert.pem" 2>/dev/null
        # A CA that did not sign the server: connections trusting only it must fail.
        openssl req -x509 -new -newkey rsa:2048 -nodes -days 30 -subj "/CN=unrelated test CA" \
            -keyout "$pki/other-ca-key.pem" -out "$pki/other-ca.pem" 2>/dev/null
        ;;
    esac
    chmod 0644 "$pki"/*.pem
}

cmd_start() {
    local dir=$1
    [[ "$dir" == /* && "$dir" != *[[:space:]]* ]] || die "<dir> must be an absolute path without spaces"
    [[ -x "$RABBITMQ_SBIN/rabbitmq-server" ]] || die "rabbitmq-server not found (install rabbitmq-server)"
    command -v openssl >/dev/null || die "openssl not found"
    command -v epmd >/dev/null || die "epmd not found (erlang-base)"
    if [[ -f "$dir/broker.pid" ]] && kill -0 "$(cat "$dir/broker.pid")" 2>/dev/null; then
        die "a broker already runs for $dir (pid $(cat "$dir/broker.pid"))"
    fi
    local t0
    t0=$(now_ms)
    mkdir -p "$dir"/{home,mnesia,log,pki}
    rm -f "$dir/broker.env"

    local tcp tls dist epmd_port
    tcp=$(free_port)
    tls=$(free_port "$tcp")
    dist=$(free_port "$tcp" "$tls")
    epmd_port=$(free_port "$tcp" "$tls" "$dist")
    local node="fedmsg-test-$$-$RANDOM@localhost"

    make_pki "$dir/pki" server

    cat >"$dir/rabbitmq.conf" <<EOF
listeners.tcp.default = 127.0.0.1:$tcp
listeners.ssl.default = 127.0.0.1:$tls
ssl_options.cacertfile = $dir/pki/ca.pem
ssl_options.certfile = $dir/pki/server-cert.pem
ssl_options.keyfile = $dir/pki/server-key.pem
ssl_options.verify = verify_peer
ssl_options.fail_if_no_peer_cert = true
ssl_cert_login_from = common_name
auth_mechanisms.1 = EXTERNAL
auth_mechanisms.2 = PLAIN
heartbeat = 600
channel_max = 128
log.console = false
log.file.level = info
load_definitions = $dir/definitions.json
management_agent.disable_metrics_collector = true
EOF
    cp "$HERE/definitions.json" "$dir/definitions.json"
    echo '[rabbitmq_auth_mechanism_ssl].' >"$dir/enabled_plugins"

    cat >"$dir/rabbitmq.env" <<EOF
HOME=$dir/home
RABBITMQ_NODENAME=$node
RABBITMQ_USE_LONGNAME=false
RABBITMQ_MNESIA_BASE=$dir/mnesia
RABBITMQ_LOG_BASE=$dir/log
RABBITMQ_CONFIG_FILE=$dir/rabbitmq.conf
RABBITMQ_ENABLED_PLUGINS_FILE=$dir/enabled_plugins
RABBITMQ_PID_FILE=$dir/rabbitmq.pid
RABBITMQ_DIST_PORT=$dist
RABBITMQ_CTL_DIST_PORT_MIN=$((dist + 1))
RABBITMQ_CTL_DIST_PORT_MAX=$((dist + 10))
ERL_EPMD_PORT=$epmd_port
ERL_EPMD_ADDRESS=127.0.0.1
RABBITMQ_SBIN=$RABBITMQ_SBIN
RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="+sbwt none +sbwtdcpu none +sbwtdio none"
EOF
    load_env "$dir"

    # Our own epmd, started first so the node uses it instead of daemonizing one we cannot track.
    setsid epmd -port "$epmd_port" -address 127.0.0.1 </dev/null >"$dir/log/epmd.log" 2>&1 &
    echo $! >"$dir/epmd.pid"

    setsid "$RABBITMQ_SBIN/rabbitmq-server" </dev/null >"$dir/log/server.out" 2>&1 &
    echo $! >"$dir/broker.pid"

    # The client side of the PKI is made while the node boots.
    make_pki "$dir/pki" client

    local deadline=$(($(now_ms) + 60000))
    until port_open "$tls" && port_open "$tcp"; do
        if ! kill -0 "$(cat "$dir/broker.pid")" 2>/dev/null; then
            tail -n 30 "$dir/log/server.out" >&2 || true
            cmd_stop "$dir"
            die "rabbitmq-server exited during start (logs in $dir/log)"
        fi
        if (($(now_ms) > deadline)); then
            cmd_stop "$dir"
            die "broker did not open its ports within 60 s (logs in $dir/log)"
        fi
        sleep 0.1
    done
    local t_ports
    t_ports=$(now_ms)
    # The listeners open after the definitions import; the boot is complete when the node log
    # says so (a grep instead of a rabbitmqctl call, which costs an Erlang VM boot, 0.7-3 s).
    # FEDMSG_BROKER_AWAIT=1 adds "rabbitmqctl await_startup" (proves the CLI environment too).
    until grep -qs "Server startup complete" "$dir/log/$node.log"; do
        if (($(now_ms) > deadline)); then
            cmd_stop "$dir"
            die "broker did not finish its boot within 60 s (logs in $dir/log)"
        fi
        sleep 0.05
    done
    if [[ "${FEDMSG_BROKER_AWAIT:-0}" == 1 ]]; then
        "$RABBITMQ_SBIN/rabbitmqctl" -q await_startup --timeout 60 >/dev/null || {
            cmd_stop "$dir"
            die "rabbitmqctl await_startup failed (logs in $dir/log)"
        }
    fi
    local t1
    t1=$(now_ms)

    cat >"$dir/broker.env.tmp" <<EOF
FEDMSG_TEST_BROKER_DIR=$dir
FEDMSG_TEST_BROKER_SCRIPT=$HERE/broker.sh
FEDMSG_TEST_BROKER_HOST=localhost
FEDMSG_TEST_BROKER_TLS_PORT=$tls
FEDMSG_TEST_BROKER_TCP_PORT=$tcp
FEDMSG_TEST_BROKER_VHOST=/public_pubsub
FEDMSG_TEST_BROKER_CA=$dir/pki/ca.pem
FEDMSG_TEST_BROKER_OTHER_CA=$dir/pki/other-ca.pem
FEDMSG_TEST_BROKER_CLIENT_CERT=$dir/pki/client-cert.pem
FEDMSG_TEST_BROKER_CLIENT_KEY=$dir/pki/client-key.pem
FEDMSG_TEST_BROKER_PUBLISHER_USER=fedmsg-test
FEDMSG_TEST_BROKER_PUBLISHER_PASSWORD=fedmsg-test
FEDMSG_TEST_BROKER_NODE=$RABBITMQ_NODENAME
FEDMSG_TEST_BROKER_EPMD_PORT=$epmd_port
FEDMSG_TEST_BROKER_DIST_PORT=$dist
EOF
    mv "$dir/broker.env.tmp" "$dir/broker.env"
    echo "broker.sh: RabbitMQ ready in $((t1 - t0)) ms (ports open after $((t_ports - t0)) ms):" \
        "amqps://localhost:$tls amqp://localhost:$tcp env $dir/broker.env"
}

kill_pid_file() {
    local file=$1 group=$2 pid
    [[ -f "$file" ]] || return 0
    pid=$(cat "$file")
    if kill -0 "$pid" 2>/dev/null; then
        if [[ "$group" == 1 ]]; then kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
        else kill -TERM "$pid" 2>/dev/null || true; fi
        for _ in $(seq 1 30); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        if kill -0 "$pid" 2>/dev/null; then
            if [[ "$group" == 1 ]]; then kill -KILL -- "-$pid" 2>/dev/null || true; fi
            kill -KILL "$pid" 2>/dev/null || true
        fi
    fi
    rm -f "$file"
}

cmd_stop() {
    local dir=$1
    # rabbitmq-server runs in its own session (setsid): TERM to the group stops the Erlang VM
    # (RabbitMQ shuts down gracefully on SIGTERM) and its erl_child_setup.
    kill_pid_file "$dir/broker.pid" 1
    # The Erlang VM may have been exec'ed under another pid; it wrote its own pid file.
    if [[ -f "$dir/rabbitmq.pid" ]]; then
        local vm
        vm=$(cat "$dir/rabbitmq.pid" 2>/dev/null || true)
        if [[ -n "$vm" ]] && kill -0 "$vm" 2>/dev/null; then
            echo "$vm" >"$dir/vm.pid"
            kill_pid_file "$dir/vm.pid" 0
        fi
        rm -f "$dir/rabbitmq.pid"
    fi
    kill_pid_file "$dir/epmd.pid" 1
    rm -f "$dir/broker.env"
}

cmd_ctl() {
    local dir=$1
    shift
    load_env "$dir"
    exec "$RABBITMQ_SBIN/rabbitmqctl" -q "$@"
}

cmd_restart() {
    local dir=$1
    load_env "$dir"
    "$RABBITMQ_SBIN/rabbitmqctl" -q stop_app
    "$RABBITMQ_SBIN/rabbitmqctl" -q start_app
}

[[ $# -ge 2 ]] || usage
case "$1" in
start) cmd_start "$2" ;;
stop) cmd_stop "$2" ;;
ctl) cmd_ctl "${@:2}" ;;
restart) cmd_restart "$2" ;;
*) usage ;;
esac
