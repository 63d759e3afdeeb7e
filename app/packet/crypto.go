package packet

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"fmt"

	"golang.org/x/crypto/scrypt"

	"kpiplanner/app"
)

// encryption says how a packet's content is sealed: AES-256-GCM under a key
// that scrypt derives from the password and Salt. Check lets a reader tell
// a wrong password from a tampered file: it is an HMAC-SHA-256 of a fixed
// text under the key.
type encryption struct {
	Cipher string `json:"cipher"` // "AES-256-GCM"
	KDF    string `json:"kdf"`    // "scrypt"
	N      int    `json:"n"`
	R      int    `json:"r"`
	P      int    `json:"p"`
	Salt   []byte `json:"salt"`  // base64
	Nonce  []byte `json:"nonce"` // base64
	Check  []byte `json:"check"` // base64
}

// The scrypt cost of new packets (about 0.1 s and 32 MiB per packet), and
// the highest cost a reader accepts (so a crafted file cannot exhaust memory).
const (
	scryptN    = 1 << 15
	scryptR    = 8
	scryptP    = 1
	maxScryptN = 1 << 20
)

// checkText is what Check authenticates.
var checkText = []byte("kpiplanner/packet key check")

// seal encrypts body under password, returning the encryption record and
// the ciphertext (with its tag). The format name is authenticated with it.
func seal(body []byte, password string) (*encryption, []byte, error) {
	enc := &encryption{Cipher: "AES-256-GCM", KDF: "scrypt", N: scryptN, R: scryptR, P: scryptP,
		Salt: make([]byte, 16), Nonce: make([]byte, 12)}
	if _, err := rand.Read(enc.Salt); err != nil {
		return nil, nil, fmt.Errorf("encrypt packet: %w", err)
	}
	if _, err := rand.Read(enc.Nonce); err != nil {
		return nil, nil, fmt.Errorf("encrypt packet: %w", err)
	}
	aead, key, err := enc.aead(password)
	if err != nil {
		return nil, nil, fmt.Errorf("encrypt packet: %w", err)
	}
	enc.Check = keyCheck(key)
	return enc, aead.Seal(nil, enc.Nonce, body, []byte(Format)), nil
}

// open decrypts env's sealed content with password.
func open(env *envelope, password string) ([]byte, error) {
	enc := env.Encryption
	if password == "" {
		return nil, refuse(ErrPasswordNeeded, nil, app.M("this packet is encrypted: give its password"))
	}
	if !enc.valid() {
		return nil, refuse(ErrNotPacket, nil, app.M("the packet's encryption (%s, %s) is not one this version reads", enc.Cipher, enc.KDF))
	}
	aead, key, err := enc.aead(password)
	if err != nil {
		return nil, refuse(ErrNotPacket, err, app.M("the packet's encryption cannot be used: %v", err))
	}
	if !hmac.Equal(keyCheck(key), enc.Check) {
		return nil, refuse(ErrWrongPassword, nil, app.M("wrong password: the packet cannot be opened with it"))
	}
	body, err := aead.Open(nil, enc.Nonce, env.Sealed, []byte(Format))
	if err != nil {
		return nil, refuse(ErrTampered, err, app.M("the packet was changed after it was written (its encrypted content fails its check): ask its sender for it again"))
	}
	return body, nil
}

// valid reports whether enc is a cipher, key derivation and cost this
// version uses and accepts (the cost bounded, so a crafted file cannot
// exhaust memory).
func (enc *encryption) valid() bool {
	return enc.Cipher == "AES-256-GCM" && enc.KDF == "scrypt" && enc.N >= 2 && enc.N <= maxScryptN && enc.N&(enc.N-1) == 0 &&
		enc.R >= 1 && enc.R <= 32 && enc.P >= 1 && enc.P <= 16 && len(enc.Nonce) == 12 && len(enc.Salt) >= 8
}

// aead derives the key from password and returns the cipher and the key.
func (enc *encryption) aead(password string) (cipher.AEAD, []byte, error) {
	key, err := scrypt.Key([]byte(password), enc.Salt, enc.N, enc.R, enc.P, 32)
	if err != nil {
		return nil, nil, err
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, nil, err
	}
	aead, err := cipher.NewGCM(block)
	return aead, key, err
}

func keyCheck(key []byte) []byte {
	m := hmac.New(sha256.New, key)
	m.Write(checkText)
	return m.Sum(nil)
}
