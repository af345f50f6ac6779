module github.com/buurtnet/buurtnet

go 1.26.8

require (
	golang.org/x/text v0.44.0
	gopkg.in/yaml.v3 v3.0.1
)
