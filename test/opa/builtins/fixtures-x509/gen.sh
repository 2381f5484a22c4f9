#!/bin/sh
# Regenerates the x509 fixtures with the openssl CLI (run once; the files are committed so tests need no openssl).
# Validity 2020-01-01 -> 2120-01-01 unless the name says otherwise (expired, notyet).
set -eu
cd "$(dirname "$0")"
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
cat > "$W/ca.cnf" <<'CNF'
[ca]
default_ca = x
[x]
dir = .
database = $ENV::W/index.txt
new_certs_dir = $ENV::W
serial = $ENV::W/serial
default_md = sha256
policy = any
unique_subject = no
copy_extensions = none
[any]
commonName = optional
[req]
distinguished_name = dn
prompt = no
[dn]
CN = unused
[root]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[inter]
basicConstraints = critical,CA:TRUE,pathlen:0
keyUsage = critical,keyCertSign,cRLSign,digitalSignature
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
extendedKeyUsage = serverAuth,clientAuth
[leaf]
basicConstraints = CA:FALSE
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = serverAuth,clientAuth,codeSigning,1.3.6.1.4.1.99999.1
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
subjectAltName = DNS:example.com,DNS:*.example.org,IP:10.1.2.3,IP:2001:db8::1,URI:https://user@example.com:8443/a%20b/c?x=1&y=2,URI:spiffe://cluster.local/ns/default/sa/app,email:admin@example.com
authorityInfoAccess = OCSP;URI:http://ocsp.example.com,caIssuers;URI:http://ca.example.com/inter.crt
crlDistributionPoints = URI:http://crl.example.com/inter.crl
certificatePolicies = 2.23.140.1.2.1,1.2.3.4.5
[leafec]
basicConstraints = critical,CA:FALSE
keyUsage = digitalSignature
extendedKeyUsage = emailProtection,timeStamping
subjectAltName = DNS:ec.example.com,email:ec@example.com
[plain]
subjectAltName = DNS:plain.example.com
[crit]
basicConstraints = CA:FALSE
subjectAltName = critical,DNS:crit.example.com
1.2.3.4.5.6 = critical,ASN1:UTF8String:unknown critical
1.2.3.4.5.7 = ASN1:UTF8String:unknown
[server]
basicConstraints = CA:FALSE
extendedKeyUsage = serverAuth
subjectAltName = DNS:server.example.com,DNS:*.wild.example.com,IP:192.168.0.1
[sub]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[badca]
basicConstraints = critical,CA:TRUE
keyUsage = critical,digitalSignature
[nc]
basicConstraints = critical,CA:TRUE
nameConstraints = critical,permitted;DNS:.example.com
[nc2]
basicConstraints = critical,CA:TRUE
nameConstraints = permitted;IP:10.0.0.0/255.0.0.0,permitted;email:example.com,permitted;email:.example.org,excluded;DNS:bad.example.com,excluded;IP:2001:db8::/ffff:ffff::,excluded;URI:.evil.com,permitted;URI:good.example.com,excluded;dirName:ncdn
[ncdn]
CN = excluded name
[uris]
subjectAltName = URI:https://EXAMPLE.com,URI:HTTP://h.example.com:80/,URI:urn:example:a:b,URI:file:/etc/x,URI:spiffe://td/ns/a,URI:https://h.example.com/?,URI:https://h.example.com/p?q=1\#frag,URI:https://h.example.com,URI:https://h.example.com/a%20b,URI:mailto:a@b.c,URI:https://u@h.example.com:8443/p,URI:ldap://h.example.com/cn=x;dc=y,URI:https://h.example.com:/x?,URI:s3://bucket/key/,URI:https://h.example.com/#
[uri-escape]
subjectAltName = URI:https://h.example.com/a%2Fb
[client]
basicConstraints = CA:FALSE
extendedKeyUsage = clientAuth
subjectAltName = DNS:client.example.com
CNF
touch "$W/index.txt"; echo 1000 > "$W/serial"
export W
ca() { # ca <name> <ext> <issuer> <subject> <start> <end> [serial]; $CAOPTS: more `openssl ca` options ("none" as ext: v1)
  [ -n "${7:-}" ] && echo "$7" > "$W/serial"
  EXT="-extensions $2"; [ "$2" = none ] && EXT=
  openssl req -new -utf8 -key "$1.key" -subj "$4" -config "$W/ca.cnf" -out "$W/$1.csr"
  if [ "$3" = self ]; then
    openssl ca -batch -selfsign -config "$W/ca.cnf" -keyfile "$1.key" $EXT -startdate "$5" -enddate "$6" -in "$W/$1.csr" -out "$W/$1.full" -notext -preserveDN -utf8 2>/dev/null
  else
    openssl ca -batch -config "$W/ca.cnf" -cert "$3.crt" -keyfile "$3.key" $EXT ${CAOPTS:-} -startdate "$5" -enddate "$6" -in "$W/$1.csr" -out "$W/$1.full" -notext -preserveDN -utf8 2>/dev/null
  fi
  openssl x509 -in "$W/$1.full" -out "$1.crt"
}
openssl genrsa -traditional -out root.key 2048 2>/dev/null
openssl ecparam -name prime256v1 -genkey -noout -out inter.key
openssl genrsa -traditional -out leaf.key 2048 2>/dev/null
openssl ecparam -name secp384r1 -genkey -noout -out leafec.key
openssl genpkey -algorithm ed25519 -out ed.key
openssl genrsa -traditional -out other.key 2048 2>/dev/null
cp leaf.key sub.key; cp leaf.key badca.key; cp leaf.key nc.key; cp leaf.key v1root.key; cp leafec.key sub-leaf.key; cp leafec.key badca-leaf.key
cp leafec.key v1-leaf.key; cp leafec.key sha1.key; cp leafec.key pss.key; cp leafec.key nc-leaf.key; cp leafec.key uris.key; cp leafec.key uri-escape.key; cp leaf.key nc2.key
cp leaf.key expired.key; cp leaf.key notyet.key; cp leaf.key crit.key; cp leafec.key server.key; cp leafec.key client.key; cp ed.key edleaf.key
ca root root self '/C=US/ST=California/L=San Francisco/O=Preadmit Test/OU=Root CA/CN=Preadmit Root' 20200101000000Z 21200101000000Z 01
ca inter inter root '/C=DE/O=Preadmit Test/OU=Intermediate/CN=Preadmit Intermediate/serialNumber=42/street=Main St 1/postalCode=10115/emailAddress=ca@example.com' 20200101000000Z 21200101000000Z 1234567890ABCDEF1234567890ABCDEF
ca leaf leaf inter '/C=FR/ST=Ile-de-France/L=Paris/O=Preadmit Test/O=Second Org/OU=Leaf/CN=leaf.example.com/title=Engineer/DC=example/DC=com' 20200101000000Z 21200101000000Z 02
ca leafec leafec root '/CN=EC P-384 leaf/O=Préadmit Ünïcode' 20200101120000Z 21200101120000Z 03
ca expired plain inter '/CN=expired.example.com' 20000101000000Z 20010101000000Z 04
ca notyet plain inter '/CN=notyet.example.com' 21000101000000Z 21200101000000Z 05
ca crit crit inter '/CN=crit.example.com' 20200101000000Z 21200101000000Z 06
ca server server inter '/CN=server.example.com' 20200101000000Z 21200101000000Z 07
ca client client inter '/CN=client.example.com' 20200101000000Z 21200101000000Z 08
ca ed root self '/CN=Ed25519 self-signed' 20200101000000Z 21200101000000Z 09
# sub: a CA under inter (whose path length is 0); badca: a CA without keyCertSign; nc: name constraints
ca sub sub inter '/CN=Sub CA' 20200101000000Z 21200101000000Z 0B
ca sub-leaf server sub '/CN=sub leaf' 20200101000000Z 21200101000000Z 0C
ca badca badca root '/CN=Bad CA' 20200101000000Z 21200101000000Z 0D
ca badca-leaf server badca '/CN=bad ca leaf' 20200101000000Z 21200101000000Z 0E
ca nc nc root '/CN=Constrained CA' 20200101000000Z 21200101000000Z 0F
ca nc-leaf server nc '/CN=nc leaf' 20200101000000Z 21200101000000Z 10
ca nc2 nc2 root '/CN=Constrained CA 2' 20200101000000Z 21200101000000Z 17
# v1root: a version 1 self-signed root (no extensions) and a v1 leaf under it
ca v1root none self '/CN=V1 Root' 20200101000000Z 21200101000000Z 11
ca v1-leaf none v1root '/CN=v1 leaf' 20200101000000Z 21200101000000Z 12
# sha1: signed with SHA-1 (Go refuses it in chains); pss: signed with RSA-PSS
CAOPTS='-md sha1' ca sha1 server inter '/CN=sha1 leaf' 20200101000000Z 21200101000000Z 13
CAOPTS='-sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:digest' ca pss server root '/CN=pss leaf' 20200101000000Z 21200101000000Z 14
# uris: URI SANs of several forms; uri-escape: one whose escape Go keeps as RawPath (refused by preadmit)
ca uris uris inter '/CN=uris' 20200101000000Z 21200101000000Z 15
ca uri-escape uri-escape inter '/CN=uri escape' 20200101000000Z 21200101000000Z 16
# other: a self-signed RSA root that signed nothing here (a chain to it fails)
ca other root self '/CN=Other Root' 20200101000000Z 21200101000000Z 0A
# keys in the other encodings
openssl pkcs8 -topk8 -nocrypt -in leaf.key -out leaf.pkcs8.key
openssl pkcs8 -topk8 -nocrypt -in inter.key -out inter.pkcs8.key
openssl pkey -in root.key -outform DER -out root.key.der
openssl rsa -in other.key -RSAPublicKey_out -out other.pub 2>/dev/null
# certificate requests
openssl req -new -key leaf.key -subj '/C=FR/O=Preadmit Test/CN=csr.example.com' -addext 'subjectAltName=DNS:csr.example.com,IP:10.0.0.1,URI:https://csr.example.com/x,email:csr@example.com' -addext 'keyUsage=critical,digitalSignature' -out leaf.csr
openssl req -new -key inter.key -subj '/CN=ec csr' -out ec.csr
openssl req -new -key ed.key -subj '/CN=ed csr' -out ed.csr
cat > "$W/csr.cnf" <<'CNF'
[req]
distinguished_name = dn
attributes = attrs
prompt = no
utf8 = yes
[dn]
CN = challenge csr
O = Préadmit
[attrs]
challengePassword = secret123
CNF
openssl req -new -key inter.key -config "$W/csr.cnf" -out challenge.csr
openssl req -new -key leafec.key -subj '/CN=ec384 csr' -addext 'subjectAltName=critical,DNS:a.example.com,DNS:b.example.com' -addext 'basicConstraints=critical,CA:FALSE' -addext 'extendedKeyUsage=serverAuth' -out ec384.csr
rm -f expired.key notyet.key crit.key server.key client.key edleaf.key sub.key badca.key nc.key v1root.key sub-leaf.key badca-leaf.key v1-leaf.key sha1.key pss.key nc-leaf.key uris.key uri-escape.key nc2.key
# P-256 keys whose X coordinate / private scalar start with a zero byte (JWK padding), found by trying
for i in $(seq 1 3000); do
  openssl ecparam -name prime256v1 -genkey -noout -out "$W/t.key"
  [ -f ec-short-x.key ] || { openssl ec -in "$W/t.key" -pubout -outform DER 2>/dev/null | od -An -tx1 -j27 -N1 | grep -q '^ 00$' && cp "$W/t.key" ec-short-x.key; }
  [ -f ec-short-d.key ] || { openssl ec -in "$W/t.key" -outform DER 2>/dev/null | od -An -tx1 -j7 -N1 | grep -q '^ 00$' && cp "$W/t.key" ec-short-d.key; }
  [ -f ec-short-x.key ] && [ -f ec-short-d.key ] && break
done
