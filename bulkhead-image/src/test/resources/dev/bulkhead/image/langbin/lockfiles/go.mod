module github.com/example/app

go 1.21

toolchain go1.21.5

require (
	github.com/sirupsen/logrus v1.9.0
	github.com/spf13/cobra v1.6.1
	golang.org/x/net v0.7.0 // indirect
	github.com/example/internal v0.0.0-00010101000000-000000000000
)

require gopkg.in/yaml.v2 v2.4.0 // indirect

replace golang.org/x/net => golang.org/x/net v0.17.0

replace github.com/example/internal => ../internal

exclude github.com/spf13/cobra v1.5.0
