module preadmit.test/jailprobe

go 1.26
