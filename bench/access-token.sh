# Sourced by bench/stress.sh: a stand-in Cognito user pool for the API under load, so that its posts
# go through the same token checks as in production. An RSA key of its own (openssl), its JWKS served
# on 127.0.0.1 (python3 -m http.server), one RS256 access token for the seeded user bayko.
#   start_user_pool     sets TOKEN and exports the AWS_COGNITO_* variables the API reads; sets jwks_pid
start_user_pool() {
  local pool=local_Bench1 client=benchclient0 jwks_port=4582 dir="$work/user-pool"
  mkdir -p "$dir/$pool/.well-known"
  openssl genrsa -out "$dir/key.pem" 2048 2>/dev/null
  local modulus; modulus=$(openssl rsa -in "$dir/key.pem" -noout -modulus | cut -d= -f2)
  python3 - "$modulus" > "$dir/$pool/.well-known/jwks.json" <<'PY'
import base64, binascii, json, sys
n = base64.urlsafe_b64encode(binascii.unhexlify(sys.argv[1])).rstrip(b"=").decode()
print(json.dumps({"keys": [{"kty": "RSA", "kid": "bench-key", "alg": "RS256", "use": "sig", "n": n, "e": "AQAB"}]}))
PY
  python3 -m http.server --bind 127.0.0.1 --directory "$dir" "$jwks_port" >/dev/null 2>&1 &
  jwks_pid=$!
  export AWS_COGNITO_USER_POOL_ID=$pool AWS_COGNITO_USER_POOL_CLIENT_ID=$client AWS_COGNITO_ENDPOINT="http://127.0.0.1:$jwks_port"
  # The seed gives bayko the Cognito id MOCK-bayko; the token's sub names that row.
  local now; now=$(date +%s)
  local header='{"alg":"RS256","typ":"JWT","kid":"bench-key"}'
  local claims="{\"sub\":\"MOCK-bayko\",\"iss\":\"$AWS_COGNITO_ENDPOINT/$pool\",\"client_id\":\"$client\",\"token_use\":\"access\",\"iat\":$now,\"exp\":$((now + 7200))}"
  local signed; signed="$(printf %s "$header" | b64url).$(printf %s "$claims" | b64url)"
  export TOKEN; TOKEN="$signed.$(printf %s "$signed" | openssl dgst -sha256 -sign "$dir/key.pem" -binary | b64url)"
}

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
